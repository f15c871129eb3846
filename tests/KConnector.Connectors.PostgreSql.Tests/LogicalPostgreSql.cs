using KConnector.Connectors.Sql.Tests;

namespace KConnector.Connectors.PostgreSql.Tests;

/// <summary>A real PostgreSQL 15 with wal_level=logical, shared by the collection's tests.</summary>
public sealed class LogicalPostgreSql : IAsyncLifetime
{
    /// <summary>The server.</summary>
    public PostgreSqlServer Server { get; } = new() { WalLevel = "logical" };

    /// <inheritdoc />
    public Task InitializeAsync() => Server.StartAsync();

    /// <inheritdoc />
    public Task DisposeAsync() => Server.StopAsync();
}

/// <summary>Tests that share one logical-replication server.</summary>
[CollectionDefinition(Name)]
public sealed class LogicalPostgreSqlCollection : ICollectionFixture<LogicalPostgreSql>
{
    /// <summary>The collection name.</summary>
    public const string Name = "PostgreSQL logical";
}
