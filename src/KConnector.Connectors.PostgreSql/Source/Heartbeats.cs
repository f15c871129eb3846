using System.Threading.Channels;
using KConnector.Connectors.PostgreSql.Configuration;
using KConnector.Connectors.PostgreSql.Events;
using KConnector.Connectors.PostgreSql.Replication;
using KConnector.Errors;
using Npgsql;
using NpgsqlTypes;

namespace KConnector.Connectors.PostgreSql.Source;

/// <summary>
/// Debezium's heartbeats (heartbeat.interval.ms): while the slot streams, every interval a
/// heartbeat event carrying the server's latest streamed position (the last keepalive's or
/// message's LSN) joins the change events. A database whose captured tables are idle while others
/// change gets no events, so without heartbeats the slot's confirmed position never moves and the
/// server keeps all that WAL. The position is safe to confirm once Kafka has the heartbeat: every
/// change the server sent before it is ahead of it in the queue, and a transaction still open
/// commits after it (the server sends it again from there). heartbeat.action.query, when given,
/// runs first (Debezium's way to make an idle captured database write WAL).
/// </summary>
internal sealed class Heartbeats(
    PostgresCdcOptions options,
    PostgresConnections connections,
    Func<NpgsqlLogSequenceNumber> latestPosition
)
{
    public async Task RunAsync(
        ChannelWriter<ChangeEvent> events,
        CancellationToken cancellationToken
    )
    {
        if (options.HeartbeatIntervalMs <= 0)
        {
            return;
        }
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                await Task.Delay(options.HeartbeatIntervalMs, cancellationToken)
                    .ConfigureAwait(false);
                if (!string.IsNullOrWhiteSpace(options.HeartbeatActionQuery))
                {
                    await RunActionQueryAsync(options.HeartbeatActionQuery, cancellationToken)
                        .ConfigureAwait(false);
                }
                var lsn = (ulong)latestPosition();
                // Nothing streamed yet: no position to carry. A full queue: the stream is busy and
                // its own transaction ends move the slot.
                if (lsn > 0)
                {
                    events.TryWrite(ChangeEvent.Heartbeat(lsn, DateTimeOffset.UtcNow));
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested) { }
        catch (Exception e)
        {
            events.TryComplete(e);
        }
    }

    private async Task RunActionQueryAsync(string query, CancellationToken cancellationToken)
    {
        try
        {
            var connection = await connections.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var scope = connection.ConfigureAwait(false);
            var command = new NpgsqlCommand(query, connection);
            await using var commandScope = command.ConfigureAwait(false);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
        {
            throw new ConnectException(
                $"PostgreSQL CDC: heartbeat.action.query failed on {connections.Describe}: {e.Message}",
                e
            );
        }
    }
}
