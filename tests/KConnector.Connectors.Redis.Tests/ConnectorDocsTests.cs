using KConnector.Connectors.Redis.Configuration;
using KConnector.Connectors.Sql.Tests;

namespace KConnector.Connectors.Redis.Tests;

/// <summary>The Redis connectors' docs tables match their ConfigKeys (KCONNECTOR_ACCEPT_DOCS=1 rewrites them).</summary>
public sealed class ConnectorDocsTests
{
    [Fact]
    public void RedisSinkPage_MatchesTheConfigDescription() =>
        DocsPage.Check("redis-sink.md", RedisSinkOptions.Keys);

    [Fact]
    public void RedisSourcePage_MatchesTheConfigDescription() =>
        DocsPage.Check("redis-source.md", RedisStreamSourceOptions.Keys);
}
