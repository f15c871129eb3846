namespace KConnector.Hosting;

// KIP-875 for sinks: a sink's offsets are its consumer group's (SinkGroupOffsets).
public sealed partial class ConnectWorker
{
    /// <inheritdoc/>
    public async Task<IReadOnlyList<ConnectorOffset>> GetOffsetsAsync(
        string connector,
        CancellationToken cancellationToken
    )
    {
        var running = Find(connector);
        return running.Registration.IsSink
            ? await SinkGroupOffsets
                .ReadAsync(running.Config, running.BootstrapServers, cancellationToken)
                .ConfigureAwait(false)
            : GetOffsets(connector);
    }
}
