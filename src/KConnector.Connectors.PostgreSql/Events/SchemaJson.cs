using System.Buffers;
using System.Text.Json;

namespace KConnector.Connectors.PostgreSql.Events;

/// <summary>
/// Kafka Connect schemas in JsonConverter's JSON form (<c>JsonConverter.asJsonSchema</c>): the key
/// and envelope schemas of a table as Debezium names them (<c>prefix.schema.table.Key</c>,
/// <c>.Value</c>, <c>.Envelope</c>, <c>io.debezium.connector.postgresql.Source</c>).
/// </summary>
internal static class SchemaJson
{
    /// <summary>The key schema: a struct of the primary key's columns.</summary>
    public static byte[] Key(CapturedTable table) =>
        Write(w =>
            WriteRow(w, table, table.KeyColumns, $"{table.Topic}.Key", optional: false, field: null)
        );

    /// <summary>The envelope schema: before, after, source, transaction, op, ts_ms.</summary>
    public static byte[] Envelope(CapturedTable table) =>
        Write(w =>
        {
            w.WriteStartObject();
            w.WriteString("type"u8, "struct"u8);
            w.WritePropertyName("fields"u8);
            w.WriteStartArray();
            var all = Enumerable.Range(0, table.Columns.Count).ToList();
            WriteRow(w, table, all, $"{table.Topic}.Value", optional: true, field: "before");
            WriteRow(w, table, all, $"{table.Topic}.Value", optional: true, field: "after");
            WriteSource(w);
            WriteTransaction(w);
            Primitive(w, "string", "op", optional: false);
            Primitive(w, "int64", "ts_ms", optional: true);
            Primitive(w, "int64", "ts_us", optional: true);
            Primitive(w, "int64", "ts_ns", optional: true);
            w.WriteEndArray();
            w.WriteBoolean("optional"u8, false);
            w.WriteString("name"u8, $"{table.Topic}.Envelope");
            w.WriteNumber("version"u8, 2);
            w.WriteEndObject();
        });

    private static void WriteRow(
        Utf8JsonWriter w,
        CapturedTable table,
        IReadOnlyList<int> columns,
        string name,
        bool optional,
        string? field
    )
    {
        w.WriteStartObject();
        w.WriteString("type"u8, "struct"u8);
        w.WritePropertyName("fields"u8);
        w.WriteStartArray();
        foreach (var index in columns)
        {
            WriteColumn(w, table.Columns[index]);
        }
        w.WriteEndArray();
        w.WriteBoolean("optional"u8, optional);
        w.WriteString("name"u8, name);
        if (field is not null)
        {
            w.WriteString("field"u8, field);
        }
        w.WriteEndObject();
    }

    private static void WriteColumn(Utf8JsonWriter w, TableColumn column)
    {
        var mapping = column.Mapping;
        w.WriteStartObject();
        w.WriteString("type"u8, mapping.Type);
        if (mapping.ItemType is { } itemType)
        {
            w.WritePropertyName("items"u8);
            w.WriteStartObject();
            w.WriteString("type"u8, itemType);
            w.WriteBoolean("optional"u8, true);
            w.WriteEndObject();
        }
        if (mapping.LogicalName == "io.debezium.data.VariableScaleDecimal")
        {
            w.WritePropertyName("fields"u8);
            w.WriteStartArray();
            Primitive(w, "int32", "scale", optional: false);
            Primitive(w, "bytes", "value", optional: false);
            w.WriteEndArray();
        }
        w.WriteBoolean("optional"u8, column.Optional);
        if (mapping.LogicalName is { } logical)
        {
            w.WriteString("name"u8, logical);
            w.WriteNumber("version"u8, 1);
        }
        if (mapping.Parameters is { } parameters)
        {
            w.WritePropertyName("parameters"u8);
            w.WriteStartObject();
            foreach (var (key, value) in parameters)
            {
                w.WriteString(key, value);
            }
            w.WriteEndObject();
        }
        w.WriteString("field"u8, column.Name);
        w.WriteEndObject();
    }

    private static void WriteSource(Utf8JsonWriter w)
    {
        w.WriteStartObject();
        w.WriteString("type"u8, "struct"u8);
        w.WritePropertyName("fields"u8);
        w.WriteStartArray();
        Primitive(w, "string", "version", optional: false);
        Primitive(w, "string", "connector", optional: false);
        Primitive(w, "string", "name", optional: false);
        Primitive(w, "int64", "ts_ms", optional: false);
        w.WriteStartObject();
        w.WriteString("type"u8, "string"u8);
        w.WriteBoolean("optional"u8, true);
        w.WriteString("name"u8, "io.debezium.data.Enum"u8);
        w.WriteNumber("version"u8, 1);
        w.WritePropertyName("parameters"u8);
        w.WriteStartObject();
        w.WriteString("allowed"u8, "true,last,false,incremental"u8);
        w.WriteEndObject();
        w.WriteString("default"u8, "false"u8);
        w.WriteString("field"u8, "snapshot"u8);
        w.WriteEndObject();
        Primitive(w, "string", "db", optional: false);
        Primitive(w, "string", "sequence", optional: true);
        Primitive(w, "int64", "ts_us", optional: true);
        Primitive(w, "int64", "ts_ns", optional: true);
        Primitive(w, "string", "schema", optional: false);
        Primitive(w, "string", "table", optional: false);
        Primitive(w, "int64", "txId", optional: true);
        Primitive(w, "int64", "lsn", optional: true);
        Primitive(w, "int64", "xmin", optional: true);
        w.WriteEndArray();
        w.WriteBoolean("optional"u8, false);
        w.WriteString("name"u8, "io.debezium.connector.postgresql.Source"u8);
        w.WriteString("field"u8, "source"u8);
        w.WriteEndObject();
    }

    private static void WriteTransaction(Utf8JsonWriter w)
    {
        w.WriteStartObject();
        w.WriteString("type"u8, "struct"u8);
        w.WritePropertyName("fields"u8);
        w.WriteStartArray();
        Primitive(w, "string", "id", optional: false);
        Primitive(w, "int64", "total_order", optional: false);
        Primitive(w, "int64", "data_collection_order", optional: false);
        w.WriteEndArray();
        w.WriteBoolean("optional"u8, true);
        w.WriteString("name"u8, "event.block"u8);
        w.WriteNumber("version"u8, 1);
        w.WriteString("field"u8, "transaction"u8);
        w.WriteEndObject();
    }

    private static void Primitive(Utf8JsonWriter w, string type, string field, bool optional)
    {
        w.WriteStartObject();
        w.WriteString("type"u8, type);
        w.WriteBoolean("optional"u8, optional);
        w.WriteString("field"u8, field);
        w.WriteEndObject();
    }

    private static byte[] Write(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }
        return buffer.WrittenSpan.ToArray();
    }
}
