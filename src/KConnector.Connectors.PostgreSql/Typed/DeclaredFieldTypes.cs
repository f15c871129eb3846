using System.Text.Json;
using KConnector.Connectors.PostgreSql.Avro;
using KConnector.Connectors.PostgreSql.Events;

namespace KConnector.Connectors.PostgreSql.Typed;

/// <summary>
/// Which declared field types can hold a column as Debezium's type mapping makes it (the JDBC
/// work's mapping): the same Avro type, Avro's promotions int to long and float to double, and
/// the logical types that carry the same values (date, time-millis/micros, timestamp-millis/micros,
/// uuid, decimal of the column's scale); arrays of such items.
/// </summary>
internal static class DeclaredFieldTypes
{
    private static readonly Dictionary<string, string> LogicalNames = new(StringComparer.Ordinal)
    {
        ["date"] = "io.debezium.time.Date",
        ["time-millis"] = "io.debezium.time.Time",
        ["time-micros"] = "io.debezium.time.MicroTime",
        ["timestamp-millis"] = "io.debezium.time.Timestamp",
        ["timestamp-micros"] = "io.debezium.time.MicroTimestamp",
        ["uuid"] = "io.debezium.data.Uuid",
        ["decimal"] = EnvelopeAvroSchema.DecimalName,
    };

    /// <summary>Null when <paramref name="field"/> can hold the column; else why not.</summary>
    public static string? Problem(ColumnMapping mapping, DeclaredField field, out FieldWrite write)
    {
        write = FieldWrite.Mapped;
        var cannot = $"field '{field.Name}' of type {field.Describe()} cannot take it";
        if (field.TypeName == "union")
        {
            return cannot + " (a union of several types)";
        }
        if (mapping.Item is { } item)
        {
            return ItemProblem(item, field) is null ? null : cannot;
        }
        if (mapping.LogicalName == EnvelopeAvroSchema.VariableScaleDecimal)
        {
            return cannot
                + " (numeric without precision is Debezium's VariableScaleDecimal struct; declare the column numeric(p,s) and the field as Avro's decimal)";
        }
        var avro = EnvelopeAvroSchema.AvroTypeOf(mapping.Type);
        if (field.LogicalType is { } logical)
        {
            var same =
                LogicalNames.TryGetValue(logical, out var name)
                && name == mapping.LogicalName
                && field.TypeName == avro
                && (logical != "decimal" || Scale(field.Type) == mapping.Parameters?["scale"]);
            return same ? null : cannot;
        }
        if (mapping.LogicalName == EnvelopeAvroSchema.DecimalName)
        {
            return cannot
                + " (a numeric(p,s) column needs Avro's decimal logical type of its scale)";
        }
        if (field.TypeName == avro)
        {
            return null;
        }
        if (mapping.LogicalName is null && field.TypeName == "long" && avro == "int")
        {
            write = FieldWrite.IntAsLong;
            return null;
        }
        if (mapping.LogicalName is null && field.TypeName == "double" && avro == "float")
        {
            write = FieldWrite.FloatAsDouble;
            return null;
        }
        return cannot;
    }

    // Debezium's array items are optional: the declared items are ["null", T] with T the item's own type.
    private static string? ItemProblem(ColumnMapping item, DeclaredField field)
    {
        if (field.TypeName != "array" || !field.Type.TryGetProperty("items", out var items))
        {
            return "not an array";
        }
        if (
            items.ValueKind != JsonValueKind.Array
            || items.GetArrayLength() != 2
            || items[0].GetString() != "null"
        )
        {
            return "items not [\"null\", T]";
        }
        var itemField = new DeclaredField(field.Name, items[1], 0, null);
        return Problem(item, itemField, out var write)
            ?? (write == FieldWrite.Mapped ? null : "item promoted");
    }

    private static string Scale(JsonElement type) =>
        type.TryGetProperty("scale", out var s) ? s.GetRawText() : "0";

    /// <summary>The column's Kafka Connect type as errors name it.</summary>
    public static string Describe(ColumnMapping mapping) =>
        mapping.Item is { } item ? "array of " + Describe(item)
        : mapping.LogicalName is { } logical ? mapping.Type + " " + logical
        : mapping.Type;
}
