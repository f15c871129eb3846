using KConnector.Connectors.Http.Configuration;
using KConnector.Connectors.Sql.Tests;

namespace KConnector.Connectors.Http.Tests;

/// <summary>The HTTP connectors' docs tables match their ConfigKeys (KCONNECTOR_ACCEPT_DOCS=1 rewrites them).</summary>
public sealed class ConnectorDocsTests
{
    [Fact]
    public void HttpSinkPage_MatchesTheConfigDescription() =>
        DocsPage.Check("http-sink.md", HttpSinkOptions.Keys);

    [Fact]
    public void HttpSourcePage_MatchesTheConfigDescription() =>
        DocsPage.Check("http-source.md", HttpSourceOptions.Keys);
}
