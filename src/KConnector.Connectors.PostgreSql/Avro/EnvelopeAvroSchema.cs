using System.Buffers;
using System.Text;
using System.Text.Json;
using KConnector.Connectors.PostgreSql.Events;

namespace KConnector.Connectors.PostgreSql.Avro;

/// <summary>
/// The Avro schema Confluent's AvroConverter makes of Debezium's envelope schema (AvroData's
/// Connect-to-Avro mapping): the struct <c>prefix.schema.table.Envelope</c> becomes the record
/// <c>Envelope</c> in namespace <c>prefix.schema.table</c>; an optional field is a union with
/// <c>"null"</c> first and <c>"default": null</c> (so an added column is a compatible change);
/// logical names are kept as <c>connect.name</c>, int16 as <c>connect.type</c>, Decimal as Avro's
/// decimal logical type.
/// </summary>
internal static class EnvelopeAvroSchema
{
    /// <summary>The envelope's schema for <paramref name="table"/>'s present shape.</summary>
    public static string Value(CapturedTable table) =>
        Write(w =>
        {
            var defined = new HashSet<string>(StringComparer.Ordinal);
            w.WriteStartObject();
            w.WriteString("type"u8, "record"u8);
            w.WriteString("name"u8, "Envelope"u8);
            w.WriteString("namespace"u8, table.Topic);
            w.WritePropertyName("fields"u8);
            w.WriteStartArray();
            OptionalField(w, "before", () => WriteRow(w, table, table.Topic, defined));
            OptionalField(w, "after", () => WriteRow(w, table, table.Topic, defined));
            w.WriteStartObject();
            w.WriteString("name"u8, "source"u8);
            w.WritePropertyName("type"u8);
            WriteSource(w);
            w.WriteEndObject();
            OptionalField(w, "transaction", () => WriteTransaction(w));
            Field(w, "op", "string", optional: false);
            Field(w, "ts_ms", "long", optional: true);
            Field(w, "ts_us", "long", optional: true);
            Field(w, "ts_ns", "long", optional: true);
            w.WriteEndArray();
            w.WriteNumber("connect.version"u8, 2);
            w.WriteString("connect.name"u8, table.Topic + ".Envelope");
            w.WriteEndObject();
        });

    // The row record is defined once (in before) and referenced by its full name after that.
    private static void WriteRow(
        Utf8JsonWriter w,
        CapturedTable table,
        string space,
        HashSet<string> defined
    )
    {
        if (table.DeclaredRow is { } declared)
        {
            // The spec's declared record, as its .avsc says (its generated type reads it back).
            if (defined.Add(declared.RecordFullName))
            {
                w.WriteRawValue(declared.Declared.RowSchemaJson);
            }
            else
            {
                w.WriteStringValue(declared.RecordFullName);
            }
            return;
        }
        var fullName = space + ".Value";
        if (!defined.Add(fullName))
        {
            w.WriteStringValue(fullName);
            return;
        }
        w.WriteStartObject();
        w.WriteString("type"u8, "record"u8);
        w.WriteString("name"u8, "Value"u8);
        w.WriteString("namespace"u8, space);
        w.WritePropertyName("fields"u8);
        w.WriteStartArray();
        foreach (var column in table.Columns)
        {
            w.WriteStartObject();
            w.WriteString("name"u8, column.Name);
            w.WritePropertyName("type"u8);
            if (column.Optional)
            {
                w.WriteStartArray();
                w.WriteStringValue("null"u8);
                WriteColumnType(w, column.Mapping, defined);
                w.WriteEndArray();
                w.WriteNull("default"u8);
            }
            else
            {
                WriteColumnType(w, column.Mapping, defined);
            }
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteString("connect.name"u8, fullName);
        w.WriteEndObject();
    }

    private static void WriteColumnType(
        Utf8JsonWriter w,
        ColumnMapping mapping,
        HashSet<string> defined
    )
    {
        if (mapping.Item is { } item)
        {
            // Debezium's array items are optional.
            w.WriteStartObject();
            w.WriteString("type"u8, "array"u8);
            w.WritePropertyName("items"u8);
            w.WriteStartArray();
            w.WriteStringValue("null"u8);
            WriteColumnType(w, item, defined);
            w.WriteEndArray();
            w.WriteEndObject();
            return;
        }
        if (mapping.LogicalName == VariableScaleDecimal)
        {
            WriteVariableScaleDecimal(w, defined);
            return;
        }
        var avroType = AvroTypeOf(mapping.Type);
        if (mapping.LogicalName is null && mapping.Type != "int16")
        {
            w.WriteStringValue(avroType);
            return;
        }
        w.WriteStartObject();
        w.WriteString("type"u8, avroType);
        if (mapping.Type == "int16")
        {
            w.WriteString("connect.type"u8, "int16"u8);
        }
        if (mapping.LogicalName == DecimalName && mapping.Parameters is { } p)
        {
            w.WriteNumber(
                "scale"u8,
                int.Parse(p["scale"], System.Globalization.CultureInfo.InvariantCulture)
            );
            w.WriteNumber(
                "precision"u8,
                int.Parse(
                    p["connect.decimal.precision"],
                    System.Globalization.CultureInfo.InvariantCulture
                )
            );
            w.WriteString("logicalType"u8, "decimal"u8);
        }
        if (mapping.LogicalName is { } logical)
        {
            w.WriteNumber("connect.version"u8, 1);
            if (mapping.Parameters is { } parameters)
            {
                w.WritePropertyName("connect.parameters"u8);
                w.WriteStartObject();
                foreach (var (key, value) in parameters)
                {
                    w.WriteString(key, value);
                }
                w.WriteEndObject();
            }
            w.WriteString("connect.name"u8, logical);
        }
        w.WriteEndObject();
    }

    private static void WriteVariableScaleDecimal(Utf8JsonWriter w, HashSet<string> defined)
    {
        if (!defined.Add(VariableScaleDecimal))
        {
            w.WriteStringValue(VariableScaleDecimal);
            return;
        }
        w.WriteStartObject();
        w.WriteString("type"u8, "record"u8);
        w.WriteString("name"u8, "VariableScaleDecimal"u8);
        w.WriteString("namespace"u8, "io.debezium.data"u8);
        w.WritePropertyName("fields"u8);
        w.WriteStartArray();
        Field(w, "scale", "int", optional: false);
        Field(w, "value", "bytes", optional: false);
        w.WriteEndArray();
        w.WriteNumber("connect.version"u8, 1);
        w.WriteString("connect.name"u8, VariableScaleDecimal);
        w.WriteEndObject();
    }

    private static void WriteSource(Utf8JsonWriter w)
    {
        w.WriteStartObject();
        w.WriteString("type"u8, "record"u8);
        w.WriteString("name"u8, "Source"u8);
        w.WriteString("namespace"u8, "io.debezium.connector.postgresql"u8);
        w.WritePropertyName("fields"u8);
        w.WriteStartArray();
        Field(w, "version", "string", optional: false);
        Field(w, "connector", "string", optional: false);
        Field(w, "name", "string", optional: false);
        Field(w, "ts_ms", "long", optional: false);
        // io.debezium.data.Enum with default "false": AvroData puts the default's type first.
        w.WriteStartObject();
        w.WriteString("name"u8, "snapshot"u8);
        w.WritePropertyName("type"u8);
        w.WriteStartArray();
        w.WriteStartObject();
        w.WriteString("type"u8, "string"u8);
        w.WriteNumber("connect.version"u8, 1);
        w.WritePropertyName("connect.parameters"u8);
        w.WriteStartObject();
        w.WriteString("allowed"u8, "true,last,false,incremental"u8);
        w.WriteEndObject();
        w.WriteString("connect.default"u8, "false"u8);
        w.WriteString("connect.name"u8, "io.debezium.data.Enum"u8);
        w.WriteEndObject();
        w.WriteStringValue("null"u8);
        w.WriteEndArray();
        w.WriteString("default"u8, "false"u8);
        w.WriteEndObject();
        Field(w, "db", "string", optional: false);
        Field(w, "sequence", "string", optional: true);
        Field(w, "ts_us", "long", optional: true);
        Field(w, "ts_ns", "long", optional: true);
        Field(w, "schema", "string", optional: false);
        Field(w, "table", "string", optional: false);
        Field(w, "txId", "long", optional: true);
        Field(w, "lsn", "long", optional: true);
        Field(w, "xmin", "long", optional: true);
        w.WriteEndArray();
        w.WriteString("connect.name"u8, "io.debezium.connector.postgresql.Source"u8);
        w.WriteEndObject();
    }

    private static void WriteTransaction(Utf8JsonWriter w)
    {
        w.WriteStartObject();
        w.WriteString("type"u8, "record"u8);
        w.WriteString("name"u8, "block"u8);
        w.WriteString("namespace"u8, "event"u8);
        w.WritePropertyName("fields"u8);
        w.WriteStartArray();
        Field(w, "id", "string", optional: false);
        Field(w, "total_order", "long", optional: false);
        Field(w, "data_collection_order", "long", optional: false);
        w.WriteEndArray();
        w.WriteNumber("connect.version"u8, 1);
        w.WriteString("connect.name"u8, "event.block"u8);
        w.WriteEndObject();
    }

    private static void OptionalField(Utf8JsonWriter w, string name, Action type)
    {
        w.WriteStartObject();
        w.WriteString("name"u8, name);
        w.WritePropertyName("type"u8);
        w.WriteStartArray();
        w.WriteStringValue("null"u8);
        type();
        w.WriteEndArray();
        w.WriteNull("default"u8);
        w.WriteEndObject();
    }

    private static void Field(Utf8JsonWriter w, string name, string type, bool optional)
    {
        w.WriteStartObject();
        w.WriteString("name"u8, name);
        if (optional)
        {
            w.WritePropertyName("type"u8);
            w.WriteStartArray();
            w.WriteStringValue("null"u8);
            w.WriteStringValue(type);
            w.WriteEndArray();
            w.WriteNull("default"u8);
        }
        else
        {
            w.WriteString("type"u8, type);
        }
        w.WriteEndObject();
    }

    /// <summary>The Avro type of a Kafka Connect schema type.</summary>
    public static string AvroTypeOf(string connectType) =>
        connectType switch
        {
            "boolean" => "boolean",
            "int16" or "int32" => "int",
            "int64" => "long",
            "float32" => "float",
            "float64" => "double",
            "bytes" => "bytes",
            _ => "string",
        };

    internal const string VariableScaleDecimal = "io.debezium.data.VariableScaleDecimal";
    internal const string DecimalName = "org.apache.kafka.connect.data.Decimal";

    private static string Write(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(2048);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
