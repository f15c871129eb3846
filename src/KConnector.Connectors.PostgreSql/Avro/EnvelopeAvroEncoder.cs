using System.Globalization;
using KConnector.Avro;
using KConnector.Connectors.PostgreSql.Events;
using KConnector.Converters;

namespace KConnector.Connectors.PostgreSql.Avro;

/// <summary>
/// Writes a change event as Avro binary in the shape of <see cref="EnvelopeAvroSchema"/>: the
/// same values the JSON envelope carries (Debezium's type mapping of each column's text), with
/// union index 0 for null and 1 for a value of an optional field.
/// </summary>
internal static class EnvelopeAvroEncoder
{
    /// <summary>Writes <paramref name="record"/>'s envelope.</summary>
    /// <exception cref="DataException">A value does not fit its field (naming the table and column).</exception>
    public static void Write(ref AvroWriter w, ChangeRecord record)
    {
        var change = record.Change;
        var table = change.Table!;
        WriteOptionalRow(ref w, table, change.Before);
        WriteOptionalRow(ref w, table, change.After);
        WriteSource(ref w, record);
        w.WriteUnionIndex(0); // transaction: null (provide.transaction.metadata=false)
        w.WriteString(EnvelopeWriter.OpCode(change.Operation));
        var micros = (record.Time.UtcTicks - DateTime.UnixEpoch.Ticks) / 10;
        OptionalLong(ref w, micros / 1000);
        OptionalLong(ref w, micros);
        OptionalLong(ref w, micros * 1000);
    }

    private static void WriteSource(ref AvroWriter w, ChangeRecord record)
    {
        var position = record.Change.Position;
        var table = record.Change.Table!;
        var micros = (position.CommitTime.UtcTicks - DateTime.UnixEpoch.Ticks) / 10;
        w.WriteString(EnvelopeWriter.Version);
        w.WriteString("postgresql");
        w.WriteString(record.TopicPrefix);
        w.WriteLong(micros / 1000);
        w.WriteUnionIndex(0); // snapshot's union is [string, null]: the default's type first
        w.WriteString(position.Snapshot);
        w.WriteString(record.Database);
        w.WriteUnionIndex(1);
        w.WriteString(
            string.Create(
                CultureInfo.InvariantCulture,
                $"[\"{position.CommitLsn}\",\"{position.Lsn}\"]"
            )
        );
        OptionalLong(ref w, micros);
        OptionalLong(ref w, micros * 1000);
        w.WriteString(table.Schema);
        w.WriteString(table.Name);
        if (position.TransactionId is { } txId)
        {
            OptionalLong(ref w, txId);
        }
        else
        {
            w.WriteUnionIndex(0);
        }
        OptionalLong(ref w, (long)position.Lsn);
        w.WriteUnionIndex(0); // xmin
    }

    private static void WriteOptionalRow(ref AvroWriter w, CapturedTable table, ColumnValue[]? row)
    {
        if (row is null)
        {
            w.WriteUnionIndex(0);
            return;
        }
        w.WriteUnionIndex(1);
        if (table.DeclaredRow is { } declared)
        {
            declared.WriteRow(ref w, table, row);
            return;
        }
        for (var i = 0; i < table.Columns.Count; i++)
        {
            var column = table.Columns[i];
            var text = TextOf(column, i < row.Length ? row[i] : ColumnValue.Null);
            if (column.Optional)
            {
                w.WriteUnionIndex(text is null ? 0 : 1);
            }
            else if (text is null)
            {
                throw new DataException(
                    $"Column '{column.Name}' of table {table.Schema}.{table.Name} is NOT NULL but the change carries no value for it (an unchanged TOASTed value or NaN), which its Avro field cannot hold."
                );
            }
            if (text is not null)
            {
                WriteValue(ref w, column.Mapping, text);
            }
        }
    }

    /// <summary>The text a column's value is written from: null for SQL NULL, NaN of a Decimal (Debezium writes null) or a TOASTed value outside string fields.</summary>
    internal static string? TextOf(TableColumn column, ColumnValue value)
    {
        var text =
            value.Text
            ?? (
                value.Unavailable && column.Mapping.Type == "string"
                    ? EnvelopeWriter.UnavailableValue
                    : null
            );
        // NaN has no Decimal: Debezium writes null.
        return
            text == "NaN"
            && column.Mapping.LogicalName is not null
            && column.Mapping.Type != "string"
            ? null
            : text;
    }

    /// <summary>Writes a non-null value as its mapping's Avro type.</summary>
    internal static void WriteValue(ref AvroWriter w, ColumnMapping mapping, string text)
    {
        if (mapping.Item is { } item)
        {
            var elements = PostgresText.ArrayElements(text);
            if (elements.Count > 0)
            {
                w.WriteLong(elements.Count);
                foreach (var element in elements)
                {
                    w.WriteUnionIndex(element is null ? 0 : 1);
                    if (element is not null)
                    {
                        WriteValue(ref w, item, element);
                    }
                }
            }
            w.WriteLong(0);
            return;
        }
        switch (mapping.LogicalName)
        {
            case EnvelopeAvroSchema.VariableScaleDecimal:
                var scale = PostgresText.ScaleOf(text);
                w.WriteInt(scale);
                w.WriteBytes(PostgresText.UnscaledBytes(text, scale));
                return;
            case EnvelopeAvroSchema.DecimalName:
                var decimalScale = int.Parse(
                    mapping.Parameters!["scale"],
                    CultureInfo.InvariantCulture
                );
                w.WriteBytes(PostgresText.UnscaledBytes(text, decimalScale));
                return;
            case "io.debezium.time.Date":
                w.WriteInt(PostgresText.EpochDays(text));
                return;
            case "io.debezium.time.Timestamp":
                w.WriteLong(PostgresText.EpochMicros(text) / 1000);
                return;
            case "io.debezium.time.MicroTimestamp":
                w.WriteLong(PostgresText.EpochMicros(text));
                return;
            case "io.debezium.time.ZonedTimestamp":
                w.WriteString(PostgresText.ZonedTimestamp(text));
                return;
            case "io.debezium.time.Time":
                w.WriteInt((int)(PostgresText.MicrosOfDay(text) / 1000));
                return;
            case "io.debezium.time.MicroTime":
                w.WriteLong(PostgresText.MicrosOfDay(text));
                return;
        }
        WritePrimitive(ref w, mapping.Type, text);
    }

    private static void WritePrimitive(ref AvroWriter w, string type, string text)
    {
        var invariant = CultureInfo.InvariantCulture;
        switch (type)
        {
            case "boolean":
                w.WriteBoolean(text is "t" or "true");
                break;
            case "int16" or "int32":
                w.WriteInt(int.Parse(text, NumberStyles.AllowLeadingSign, invariant));
                break;
            case "int64":
                w.WriteLong(long.Parse(text, NumberStyles.AllowLeadingSign, invariant));
                break;
            case "float32":
                w.WriteFloat(float.Parse(text, NumberStyles.Float, invariant));
                break;
            case "float64":
                w.WriteDouble(double.Parse(text, NumberStyles.Float, invariant));
                break;
            case "bytes":
                w.WriteBytes(PostgresText.Bytea(text));
                break;
            default:
                w.WriteString(text);
                break;
        }
    }

    private static void OptionalLong(ref AvroWriter w, long value)
    {
        w.WriteUnionIndex(1);
        w.WriteLong(value);
    }
}
