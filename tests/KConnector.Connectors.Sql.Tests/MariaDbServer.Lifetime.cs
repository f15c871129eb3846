namespace KConnector.Connectors.Sql.Tests;

/// <summary>The server as an xunit collection fixture: started once for the collection, stopped after it.</summary>
public sealed partial class MariaDbServer : IAsyncLifetime
{
    /// <inheritdoc />
    public Task InitializeAsync() => StartAsync();

    /// <inheritdoc />
    public Task DisposeAsync() => StopAsync();
}
