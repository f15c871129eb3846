namespace KConnector.Connectors.Redis.Tests;

/// <summary>Tests that share one redis-server (started once, stopped at the end); they run one at a time.</summary>
[CollectionDefinition(Name)]
public sealed class RedisCollection : ICollectionFixture<RedisServer>
{
    /// <summary>The collection name.</summary>
    public const string Name = "Redis";
}
