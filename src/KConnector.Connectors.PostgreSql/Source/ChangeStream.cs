using System.Threading.Channels;
using KConnector.Connectors.PostgreSql.Configuration;
using KConnector.Connectors.PostgreSql.Events;
using KConnector.Connectors.PostgreSql.Replication;
using KConnector.Errors;
using Microsoft.Extensions.Logging;
using Npgsql;
using Npgsql.Replication;
using Npgsql.Replication.PgOutput;
using NpgsqlTypes;

namespace KConnector.Connectors.PostgreSql.Source;

/// <summary>
/// The connector's work against the server, in Debezium's order: check the server, make sure of
/// the publication and the slot, take the snapshot when snapshot.mode asks for one (in the
/// snapshot the slot exported when it was created, so that snapshot and stream meet exactly),
/// then stream the slot. Events go into a bounded channel the task's polls drain; an error
/// completes the channel, and the next poll fails with it.
/// </summary>
internal sealed partial class ChangeStream(PostgresCdcOptions options, ILogger logger)
    : IAsyncDisposable
{
    private readonly PostgresConnections _connections = new(options);
    private readonly TableCatalog _catalog = new(options);
    private NpgsqlConnection? _catalogConnection;
    private LogicalReplicationConnection? _replication;
    private volatile bool _streaming;

    public async Task RunAsync(
        IReadOnlyDictionary<string, string>? stored,
        ChannelWriter<ChangeEvent> events,
        CancellationToken cancellationToken
    )
    {
        try
        {
            _catalogConnection = await _connections
                .OpenAsync(cancellationToken)
                .ConfigureAwait(false);
            await ServerPreflight
                .CheckAsync(
                    _catalogConnection,
                    _connections.Describe,
                    options.User,
                    cancellationToken
                )
                .ConfigureAwait(false);
            await PublicationSetup
                .EnsureAsync(_catalogConnection, options, _catalog, cancellationToken)
                .ConfigureAwait(false);
            var state = await InactiveSlotAsync(cancellationToken).ConfigureAwait(false);
            _replication = await _connections
                .OpenReplicationAsync(cancellationToken)
                .ConfigureAwait(false);
            var snapshot =
                options.Snapshot != SnapshotMode.NoData
                && (stored is null || !CdcOffset.SnapshotCompleted(stored));
            var slot = snapshot
                ? await SnapshotAsync(state, events, cancellationToken).ConfigureAwait(false)
                : await SlotAsync(state, stored, cancellationToken).ConfigureAwait(false);
            if (options.Snapshot == SnapshotMode.InitialOnly)
            {
                LogSnapshotOnly(logger, options.Name);
                events.TryComplete();
                return;
            }
            var resume = stored is null ? null : CdcOffset.ResumeAfter(stored);
            LogStreaming(logger, options.Name, options.SlotName, _connections.Describe);
            _streaming = true;
            var heartbeats = new Heartbeats(
                options,
                _connections,
                () => _replication.LastReceivedLsn
            );
            var beating = heartbeats.RunAsync(events, cancellationToken);
            await new LogReader(options, _catalog, _catalogConnection, resume)
                .ReadAsync(_replication, slot, events, cancellationToken)
                .ConfigureAwait(false);
            events.TryComplete(
                new ConnectException(
                    $"PostgreSQL CDC: the server {_connections.Describe} ended the replication stream of slot '{options.SlotName}'."
                )
            );
            await beating.ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            events.TryComplete();
        }
        catch (Exception e)
        {
            events.TryComplete(e);
        }
        finally
        {
            _streaming = false;
        }
    }

    // A worker that restarts right after its predecessor died finds the slot still active until the
    // server notices the closed connection: wait for that, bounded, before calling it in use.
    private async Task<SlotState> InactiveSlotAsync(CancellationToken cancellationToken)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var state = await SlotState
                .ReadAsync(_catalogConnection!, options.SlotName, cancellationToken)
                .ConfigureAwait(false);
            if (!state.Active || waited.Elapsed > SlotReleaseWait)
            {
                return state;
            }
            await Task.Delay(200, cancellationToken).ConfigureAwait(false);
        }
    }

    private static readonly TimeSpan SlotReleaseWait = TimeSpan.FromSeconds(30);

    // A new snapshot needs a slot created now, exporting its starting point: an existing slot's
    // position has nothing to do with a snapshot taken today.
    private async Task<PgOutputReplicationSlot> SnapshotAsync(
        SlotState state,
        ChannelWriter<ChangeEvent> events,
        CancellationToken cancellationToken
    )
    {
        await DropIfExistsAsync(state, cancellationToken).ConfigureAwait(false);
        var slot = await _replication!
            .CreatePgOutputReplicationSlot(
                options.SlotName,
                slotSnapshotInitMode: LogicalSlotSnapshotInitMode.Export,
                cancellationToken: cancellationToken
            )
            .ConfigureAwait(false);
        LogSnapshot(logger, options.Name, options.SlotName, slot.ConsistentPoint.ToString());
        var connection = await _connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var connectionScope = connection.ConfigureAwait(false);
        await new SnapshotReader(_catalog, (ulong)slot.ConsistentPoint)
            .ReadAsync(connection, slot.SnapshotName!, events, cancellationToken)
            .ConfigureAwait(false);
        return slot;
    }

    private async Task<PgOutputReplicationSlot> SlotAsync(
        SlotState state,
        IReadOnlyDictionary<string, string>? stored,
        CancellationToken cancellationToken
    )
    {
        if (state.Exists)
        {
            ThrowIfUnusable(state);
            return new PgOutputReplicationSlot(options.SlotName);
        }
        if (stored is not null)
        {
            LogSlotRecreated(logger, options.Name, options.SlotName);
        }
        return await _replication!
            .CreatePgOutputReplicationSlot(
                options.SlotName,
                slotSnapshotInitMode: LogicalSlotSnapshotInitMode.NoExport,
                cancellationToken: cancellationToken
            )
            .ConfigureAwait(false);
    }

    private async Task DropIfExistsAsync(SlotState state, CancellationToken cancellationToken)
    {
        if (!state.Exists)
        {
            return;
        }
        ThrowIfUnusable(state);
        await _replication!
            .DropReplicationSlot(options.SlotName, cancellationToken: cancellationToken)
            .ConfigureAwait(false);
    }

    private void ThrowIfUnusable(SlotState state)
    {
        if (state.Active)
        {
            throw new ConnectException(
                $"PostgreSQL CDC: the replication slot '{options.SlotName}' (slot.name) on {_connections.Describe} is in use by another connection; each connector needs its own slot."
            );
        }
        if (state.Plugin != "pgoutput")
        {
            throw new ConnectException(
                $"PostgreSQL CDC: the replication slot '{options.SlotName}' (slot.name) uses the plugin '{state.Plugin}', not pgoutput (plugin.name): drop it or choose another slot.name."
            );
        }
    }

    /// <summary>Confirms <paramref name="lsn"/> as flushed: the server keeps no WAL before it for this slot.</summary>
    public async Task<bool> ConfirmAsync(
        NpgsqlLogSequenceNumber lsn,
        CancellationToken cancellationToken
    )
    {
        if (_replication is not { } replication || !_streaming)
        {
            return false;
        }
        replication.SetReplicationStatus(lsn);
        try
        {
            await replication.SendStatusUpdate(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is InvalidOperationException or NpgsqlException or IOException)
        {
            // Not streaming (yet, or any more): the status goes with the next update.
            return false;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The worker stops during its last commit: not confirmed is safe (the slot stays
            // before the change; a restart's stored offset skips what Kafka already has), so a
            // stop is not a task failure.
            return false;
        }
        return true;
    }

    /// <summary>The error a poll fails with when streaming stopped: it names the server, never the password.</summary>
    public Exception Failure(Exception error) =>
        error is ConnectException
            ? error
            : new ConnectException(
                Stage.TASK_POLL,
                $"PostgreSQL CDC: reading slot '{options.SlotName}' from {_connections.Describe} failed: {error.Message}",
                error
            );

    public async ValueTask DisposeAsync()
    {
        if (_replication is not null)
        {
            await _replication.DisposeAsync().ConfigureAwait(false);
        }
        if (_catalogConnection is not null)
        {
            await _catalogConnection.DisposeAsync().ConfigureAwait(false);
        }
    }

    [LoggerMessage(
        Level = LogLevel.Information,
        Message = "{Connector}: snapshot of the captured tables, consistent with slot {Slot} at {Lsn}"
    )]
    private static partial void LogSnapshot(
        ILogger logger,
        string connector,
        string slot,
        string lsn
    );

    [LoggerMessage(
        Level = LogLevel.Information,
        Message = "{Connector}: snapshot done (snapshot.mode=initial_only: no streaming)"
    )]
    private static partial void LogSnapshotOnly(ILogger logger, string connector);

    [LoggerMessage(
        Level = LogLevel.Information,
        Message = "{Connector}: streaming slot {Slot} from {Server}"
    )]
    private static partial void LogStreaming(
        ILogger logger,
        string connector,
        string slot,
        string server
    );

    [LoggerMessage(
        Level = LogLevel.Warning,
        Message = "{Connector}: the replication slot {Slot} was missing though offsets are stored: it is created now, and changes made while it was missing are not captured"
    )]
    private static partial void LogSlotRecreated(ILogger logger, string connector, string slot);
}
