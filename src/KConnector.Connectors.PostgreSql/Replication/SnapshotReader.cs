using System.Threading.Channels;
using KConnector.Connectors.PostgreSql.Events;
using Npgsql;

namespace KConnector.Connectors.PostgreSql.Replication;

/// <summary>
/// The initial snapshot: every captured table read in one REPEATABLE READ transaction that uses
/// the snapshot the slot exported when it was created (SET TRANSACTION SNAPSHOT), so the rows are
/// exactly those committed before the slot's first change, as Debezium's snapshot is. Each row is
/// an op=r event; the last one is marked source.snapshot=last.
/// </summary>
internal sealed class SnapshotReader(TableCatalog catalog, ulong consistentPoint)
{
    public async Task ReadAsync(
        NpgsqlConnection connection,
        string exportedSnapshot,
        ChannelWriter<ChangeEvent> events,
        CancellationToken cancellationToken
    )
    {
        var transaction = await connection
            .BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken)
            .ConfigureAwait(false);
        await using var transactionScope = transaction.ConfigureAwait(false);
        {
            var use = new NpgsqlCommand(
                $"SET TRANSACTION SNAPSHOT '{exportedSnapshot.Replace("'", "''", StringComparison.Ordinal)}'",
                connection,
                transaction
            );
            await using var useScope = use.ConfigureAwait(false);
            await use.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        var startedAt = DateTimeOffset.UtcNow;
        ChangeEvent? previous = null;
        foreach (
            var (oid, schema, name) in await catalog
                .CapturedTablesAsync(connection, cancellationToken)
                .ConfigureAwait(false)
        )
        {
            var table = await catalog
                .DescribeAsync(connection, oid, schema, name, null, cancellationToken)
                .ConfigureAwait(false);
            // Each column as its text output: the same text pgoutput sends, so one mapping serves both.
            var select =
                "SELECT "
                + string.Join(
                    ", ",
                    table.Columns.Select(c => PublicationSetup.Quote(c.Name) + "::text")
                )
                + " FROM "
                + PublicationSetup.Quote(schema)
                + "."
                + PublicationSetup.Quote(name);
            var command = new NpgsqlCommand(select, connection, transaction);
            await using var commandScope = command.ConfigureAwait(false);
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using var readerScope = reader.ConfigureAwait(false);
            long index = 0;
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var row = new ColumnValue[reader.FieldCount];
                for (var i = 0; i < row.Length; i++)
                {
                    row[i] = reader.IsDBNull(i)
                        ? ColumnValue.Null
                        : new ColumnValue(reader.GetString(i));
                }
                if (previous is not null)
                {
                    await events.WriteAsync(previous, cancellationToken).ConfigureAwait(false);
                }
                previous = new ChangeEvent(
                    ChangeOperation.Read,
                    table,
                    null,
                    row,
                    new LogPosition(
                        consistentPoint,
                        consistentPoint,
                        null,
                        startedAt,
                        index++,
                        Snapshot: "true"
                    )
                );
            }
        }
        if (previous is not null)
        {
            await events
                .WriteAsync(
                    previous with
                    {
                        Position = previous.Position with { Snapshot = "last" },
                    },
                    cancellationToken
                )
                .ConfigureAwait(false);
        }
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }
}
