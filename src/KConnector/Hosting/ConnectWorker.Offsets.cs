using KConnector.Offsets;

namespace KConnector.Hosting;

// KIP-875: a connector's offsets are read at any time and altered or reset only while it is
// STOPPED, so that no task writes over them. Source offsets live in the worker's offset store
// under ["connector", {partition}] keys (OffsetJson); a sink's are its consumer group's
// (ConnectWorker.SinkOffsets.cs).
public sealed partial class ConnectWorker
{
    /// <inheritdoc/>
    public IReadOnlyList<ConnectorOffset> GetOffsets(string connector)
    {
        var store = SourceStore(Find(connector));
        var offsets = new List<ConnectorOffset>();
        foreach (var key in OwnKeys(store, connector))
        {
            if (OffsetJson.ParseKey(key) is { } parsed && store.Get(key) is { } value)
            {
                offsets.Add(new ConnectorOffset(parsed.Partition, OffsetJson.ParseMap(value)));
            }
        }
        return offsets;
    }

    /// <inheritdoc/>
    public async Task AlterOffsetsAsync(
        string connector,
        IReadOnlyList<ConnectorOffset> offsets,
        CancellationToken cancellationToken
    )
    {
        ArgumentNullException.ThrowIfNull(offsets);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var stopped = Stopped(connector, "altered");
            if (stopped.Registration.IsSink)
            {
                await SinkGroupOffsets
                    .AlterAsync(
                        stopped.Config,
                        stopped.BootstrapServers,
                        offsets,
                        cancellationToken
                    )
                    .ConfigureAwait(false);
                return;
            }
            var store = SourceStore(stopped);
            var writes = offsets
                .Where(o => o.Offset is not null)
                .Select(o =>
                    KeyValuePair.Create(
                        OffsetJson.Key(connector, o.Partition),
                        OffsetJson.Map(o.Offset!)
                    )
                )
                .ToList();
            var removals = offsets
                .Where(o => o.Offset is null)
                .Select(o => OffsetJson.Key(connector, o.Partition))
                .ToList();
            await store.SetAsync(writes, cancellationToken).ConfigureAwait(false);
            await store.RemoveAsync(removals, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc/>
    public async Task ResetOffsetsAsync(string connector, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var stopped = Stopped(connector, "reset");
            if (stopped.Registration.IsSink)
            {
                await SinkGroupOffsets
                    .ResetAsync(stopped.Config, stopped.BootstrapServers, cancellationToken)
                    .ConfigureAwait(false);
                return;
            }
            var store = SourceStore(stopped);
            await store
                .RemoveAsync([.. OwnKeys(store, connector)], cancellationToken)
                .ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    private RunningConnector Stopped(string connector, string verb)
    {
        var running = Find(connector);
        return running.Target == TargetState.STOPPED
            ? running
            : throw new ConnectorStateException(
                $"Connectors must be in the STOPPED state before their offsets can be {verb}. This can be done for the specified connector by issuing a 'PUT' request to the '/connectors/{connector}/stop' endpoint"
            );
    }

    // Sink offsets are the consumer group's (ConnectWorker.SinkOffsets.cs).
    private static MemoryOffsetBackingStore SourceStore(RunningConnector running) =>
        running.Store as MemoryOffsetBackingStore
        ?? throw new ConnectorStateException(
            $"Connector {running.Config.Name} is a sink: its offsets are its consumer group's (connect-{running.Config.Name}); read them with GetOffsetsAsync"
        );

    private static IEnumerable<string> OwnKeys(MemoryOffsetBackingStore store, string connector) =>
        store.Keys.Where(k => OffsetJson.ParseKey(k) is { } key && key.Connector == connector);
}
