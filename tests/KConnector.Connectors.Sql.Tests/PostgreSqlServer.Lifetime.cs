namespace KConnector.Connectors.Sql.Tests;

/// <summary>The server as an xunit fixture: started before the collection's first test, stopped after its last.</summary>
public sealed partial class PostgreSqlServer : IAsyncLifetime
{
    /// <inheritdoc />
    public Task InitializeAsync() => StartAsync();

    /// <inheritdoc />
    public Task DisposeAsync() => StopAsync();
}
