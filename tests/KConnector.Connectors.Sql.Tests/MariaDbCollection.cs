namespace KConnector.Connectors.Sql.Tests;

/// <summary>The tests that share one MariaDB server.</summary>
[CollectionDefinition(Name)]
public sealed class MariaDbCollection : ICollectionFixture<MariaDbServer>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "MariaDB";
}
