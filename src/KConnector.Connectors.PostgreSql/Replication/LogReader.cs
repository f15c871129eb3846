using System.Text;
using System.Threading.Channels;
using KConnector.Connectors.PostgreSql.Configuration;
using KConnector.Connectors.PostgreSql.Events;
using Npgsql;
using Npgsql.Replication;
using Npgsql.Replication.PgOutput;
using Npgsql.Replication.PgOutput.Messages;

namespace KConnector.Connectors.PostgreSql.Replication;

/// <summary>
/// Streams the slot with pgoutput and turns its messages into change events, in commit order:
/// each transaction's changes, then its end (the position the slot may be confirmed to).
/// Changes at or before <paramref name="resumeAfter"/> (already in Kafka before a restart) are
/// skipped. Relation messages give each table's current shape, so an added column shows in the
/// next event's schema.
/// </summary>
internal sealed class LogReader(
    PostgresCdcOptions options,
    TableCatalog catalog,
    NpgsqlConnection catalogConnection,
    StreamResume? resumeAfter
)
{
    private readonly Dictionary<uint, CapturedTable?> _tables = [];
    private readonly List<ChangeEvent> _pendingTruncates = [];
    private uint? _transactionId;
    private ulong _commitLsn;
    private DateTimeOffset _commitTime;
    private long _index;

    public async Task ReadAsync(
        LogicalReplicationConnection replication,
        PgOutputReplicationSlot slot,
        ChannelWriter<ChangeEvent> events,
        CancellationToken cancellationToken
    )
    {
        var pgoutput = new PgOutputReplicationOptions(
            options.PublicationName,
            PgOutputProtocolVersion.V1
        );
        await foreach (
            var message in replication
                .StartReplication(slot, pgoutput, cancellationToken)
                .ConfigureAwait(false)
        )
        {
            var change = await ReadAsync(message, cancellationToken).ConfigureAwait(false);
            if (change is null)
            {
                continue;
            }
            foreach (var next in _pendingTruncates.Prepend(change).ToList())
            {
                if (!(resumeAfter?.Covers(next.Position) ?? false))
                {
                    await events.WriteAsync(next, cancellationToken).ConfigureAwait(false);
                }
            }
            _pendingTruncates.Clear();
        }
    }

    private async Task<ChangeEvent?> ReadAsync(
        PgOutputReplicationMessage message,
        CancellationToken ct
    )
    {
        switch (message)
        {
            case BeginMessage begin:
                _transactionId = begin.TransactionXid;
                _commitLsn = (ulong)begin.TransactionFinalLsn;
                _commitTime = begin.TransactionCommitTimestamp;
                _index = 0;
                return null;
            case CommitMessage commit:
                return ChangeEvent.TransactionEnd(Position((ulong)commit.TransactionEndLsn));
            case RelationMessage relation:
                _tables[relation.RelationId] = await DescribeAsync(relation, ct)
                    .ConfigureAwait(false);
                return null;
            case InsertMessage insert when Captured(insert.Relation) is { } table:
                return Change(
                    ChangeOperation.Create,
                    table,
                    null,
                    await RowAsync(insert.NewRow, ct).ConfigureAwait(false),
                    message
                );
            case FullUpdateMessage full when Captured(full.Relation) is { } table:
                var old = await RowAsync(full.OldRow, ct).ConfigureAwait(false);
                return Change(
                    ChangeOperation.Update,
                    table,
                    old,
                    await RowAsync(full.NewRow, ct).ConfigureAwait(false),
                    message
                );
            case IndexUpdateMessage index when Captured(index.Relation) is { } table:
                var key = await RowAsync(index.Key, ct).ConfigureAwait(false);
                return Change(
                    ChangeOperation.Update,
                    table,
                    key,
                    await RowAsync(index.NewRow, ct).ConfigureAwait(false),
                    message
                );
            case DefaultUpdateMessage update when Captured(update.Relation) is { } table:
                return Change(
                    ChangeOperation.Update,
                    table,
                    null,
                    await RowAsync(update.NewRow, ct).ConfigureAwait(false),
                    message
                );
            case FullDeleteMessage full when Captured(full.Relation) is { } table:
                return Change(
                    ChangeOperation.Delete,
                    table,
                    await RowAsync(full.OldRow, ct).ConfigureAwait(false),
                    null,
                    message
                );
            case KeyDeleteMessage keyDelete when Captured(keyDelete.Relation) is { } table:
                return Change(
                    ChangeOperation.Delete,
                    table,
                    await RowAsync(keyDelete.Key, ct).ConfigureAwait(false),
                    null,
                    message
                );
            case TruncateMessage truncate:
                return Truncate(truncate);
            default:
                return null;
        }
    }

    // A truncate of several tables becomes one event per captured table; the reader returns one
    // event per message, so the others are queued ahead of the next message.
    private ChangeEvent? Truncate(TruncateMessage truncate)
    {
        ChangeEvent? first = null;
        foreach (var relation in truncate.Relations)
        {
            if (Captured(relation) is { } table)
            {
                var change = Change(ChangeOperation.Truncate, table, null, null, truncate);
                if (first is null)
                {
                    first = change;
                }
                else
                {
                    _pendingTruncates.Add(change);
                }
            }
        }
        return first;
    }

    private CapturedTable? Captured(RelationMessage relation) =>
        _tables.GetValueOrDefault(relation.RelationId);

    private async Task<CapturedTable?> DescribeAsync(RelationMessage relation, CancellationToken ct)
    {
        if (!options.Tables.Captures(relation.Namespace, relation.RelationName))
        {
            return null;
        }
        var columns = relation
            .Columns.Select(c => (c.ColumnName, c.DataTypeId, c.TypeModifier))
            .ToList();
        return await catalog
            .DescribeAsync(
                catalogConnection,
                relation.RelationId,
                relation.Namespace,
                relation.RelationName,
                columns,
                ct
            )
            .ConfigureAwait(false);
    }

    private ChangeEvent Change(
        ChangeOperation operation,
        CapturedTable table,
        ColumnValue[]? before,
        ColumnValue[]? after,
        PgOutputReplicationMessage message
    ) =>
        new(
            operation,
            table,
            before,
            after,
            Position((ulong)message.WalStart) with
            {
                Index = _index++,
            }
        );

    private LogPosition Position(ulong lsn) =>
        new(lsn, _commitLsn, _transactionId, _commitTime, _index);

    private static async Task<ColumnValue[]> RowAsync(ReplicationTuple tuple, CancellationToken ct)
    {
        var row = new ColumnValue[tuple.NumColumns];
        var i = 0;
        await foreach (var value in tuple.ConfigureAwait(false))
        {
            row[i++] = value.Kind switch
            {
                TupleDataKind.Null => ColumnValue.Null,
                TupleDataKind.UnchangedToastedValue => ColumnValue.UnchangedToast,
                _ => new ColumnValue(await TextAsync(value, ct).ConfigureAwait(false)),
            };
        }
        return row;
    }

    private static async Task<string> TextAsync(ReplicationValue value, CancellationToken ct)
    {
        // pgoutput sends values in their text output form; read the bytes, whatever the type.
        var stream = value.GetStream();
        await using var streamScope = stream.ConfigureAwait(false);
        var bytes = new byte[value.Length];
        await stream.ReadExactlyAsync(bytes, ct).ConfigureAwait(false);
        return Encoding.UTF8.GetString(bytes);
    }
}
