namespace KConnector.Connectors.Sql.Tests;

/// <summary>Tests that share one PostgreSQL server (started once, stopped at the end).</summary>
[CollectionDefinition(Name)]
public sealed class PostgreSqlCollection : ICollectionFixture<PostgreSqlServer>
{
    /// <summary>The collection name.</summary>
    public const string Name = "PostgreSQL";
}
