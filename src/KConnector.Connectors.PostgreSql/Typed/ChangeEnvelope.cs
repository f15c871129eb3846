using KConnector.Avro;
using KConnector.Converters;
using KConnector.Errors;

namespace KConnector.Connectors.PostgreSql.Typed;

/// <summary>
/// Debezium's change event of a table whose rows have a declared record <typeparamref name="TRow"/>:
/// the generator derives one class per declared table (<c>&lt;Spec&gt;Tables.&lt;Table&gt;ChangeEvent</c>),
/// whose <c>FromAvro</c> reads what AvroConverter wrote to the table's topic.
/// </summary>
/// <typeparam name="TRow">The record generated from the table's .avsc.</typeparam>
public abstract class ChangeEnvelope<TRow>
    where TRow : IAvroRecord<TRow>
{
    /// <summary>The row before the change (updates and deletes under REPLICA IDENTITY FULL; a delete's key otherwise), or null.</summary>
    public TRow? Before { get; private set; }

    /// <summary>The row after the change (inserts, updates, snapshot reads), or null.</summary>
    public TRow? After { get; private set; }

    /// <summary>c (insert), u (update), d (delete), r (snapshot read) or t (truncate).</summary>
    public string Op { get; private set; } = "";

    /// <summary>When the connector handled the change (ms since the epoch).</summary>
    public long? TsMs { get; private set; }

    /// <summary>Where the change comes from.</summary>
    public ChangeSource Source { get; private set; } = null!;

    /// <summary>Reads an event in Confluent's wire format (magic byte, schema id, Avro binary of the envelope).</summary>
    /// <exception cref="DataException">The bytes are not such an event.</exception>
    protected static TEvent Read<TEvent>(TEvent target, string table, ReadOnlySpan<byte> data)
        where TEvent : ChangeEnvelope<TRow>
    {
        ArgumentNullException.ThrowIfNull(target);
        _ = ConfluentWireFormat.ReadSchemaId(table, data);
        var r = new AvroReader(data[ConfluentWireFormat.HeaderLength..]);
        try
        {
            target.Before = r.ReadUnionIndex("before", 2) == 0 ? default : TRow.Decode(ref r);
            target.After = r.ReadUnionIndex("after", 2) == 0 ? default : TRow.Decode(ref r);
            target.Source = ReadSource(ref r);
            if (r.ReadUnionIndex("transaction", 2) == 1)
            {
                _ = r.ReadString("transaction.id");
                _ = r.ReadLong("transaction.total_order");
                _ = r.ReadLong("transaction.data_collection_order");
            }
            target.Op = r.ReadString("op");
            target.TsMs = OptionalLong(ref r, "ts_ms");
            _ = OptionalLong(ref r, "ts_us");
            _ = OptionalLong(ref r, "ts_ns");
            r.ExpectEnd("change event");
        }
        catch (AvroDecodeException e)
        {
            throw new DataException(
                $"A change event of table {table} cannot be read as {typeof(TEvent).Name}: {e.Message}",
                e
            );
        }
        return target;
    }

    private static ChangeSource ReadSource(ref AvroReader r)
    {
        var version = r.ReadString("source.version");
        var connector = r.ReadString("source.connector");
        var name = r.ReadString("source.name");
        var tsMs = r.ReadLong("source.ts_ms");
        // snapshot's union is [string, null]: the default's type first.
        var snapshot =
            r.ReadUnionIndex("source.snapshot", 2) == 0 ? r.ReadString("source.snapshot") : null;
        var db = r.ReadString("source.db");
        var sequence =
            r.ReadUnionIndex("source.sequence", 2) == 1 ? r.ReadString("source.sequence") : null;
        _ = OptionalLong(ref r, "source.ts_us");
        _ = OptionalLong(ref r, "source.ts_ns");
        var schema = r.ReadString("source.schema");
        var table = r.ReadString("source.table");
        var txId = OptionalLong(ref r, "source.txId");
        var lsn = OptionalLong(ref r, "source.lsn");
        _ = OptionalLong(ref r, "source.xmin");
        return new ChangeSource(
            version,
            connector,
            name,
            tsMs,
            snapshot,
            db,
            sequence,
            schema,
            table,
            txId,
            lsn
        );
    }

    private static long? OptionalLong(ref AvroReader r, string field) =>
        r.ReadUnionIndex(field, 2) == 0 ? null : r.ReadLong(field);
}
