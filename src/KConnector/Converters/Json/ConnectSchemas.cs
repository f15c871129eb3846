using System.Text.Json;

namespace KConnector.Converters.Json;

/// <summary>
/// Connect schemas derived from the schemas generated types carry: from Avro as Confluent's
/// <c>AvroData.toConnectSchema</c> maps it (record to struct named by its full name, int to int32,
/// long to int64, float, double, boolean, string, bytes, a union with null to an optional schema,
/// logical types to Connect's Timestamp/Date/Time), and from JSON Schema as Confluent's
/// <c>JsonSchemaData</c> maps the common cases (object to struct, integer to int64, number to double,
/// properties not in <c>required</c> optional).
/// </summary>
public static class ConnectSchemas
{
    /// <summary>The Connect schema of an Avro schema.</summary>
    public static ConnectSchema FromAvro(string avroSchemaJson)
    {
        using var doc = JsonDocument.Parse(avroSchemaJson);
        return FromAvro(doc.RootElement, null);
    }

    /// <summary>The Connect schema of a JSON Schema document.</summary>
    public static ConnectSchema FromJsonSchema(string jsonSchemaText)
    {
        using var doc = JsonDocument.Parse(jsonSchemaText);
        return FromJsonSchema(doc.RootElement, optional: false);
    }

    private static ConnectSchema FromAvro(JsonElement schema, string? ns)
    {
        if (schema.ValueKind == JsonValueKind.Array)
        {
            var branches = schema.EnumerateArray().ToArray();
            var nonNull = branches
                .Where(b => !(b.ValueKind == JsonValueKind.String && b.GetString() == "null"))
                .ToArray();
            if (nonNull.Length == 1 && branches.Length == 2)
            {
                return FromAvro(nonNull[0], ns).AsOptional();
            }
            throw new NotSupportedException(
                "Avro unions other than [\"null\", T] have no Connect schema here yet."
            );
        }
        if (schema.ValueKind == JsonValueKind.String)
        {
            return Primitive(schema.GetString()!, logical: null);
        }
        var type = schema.GetProperty("type");
        if (type.ValueKind != JsonValueKind.String)
        {
            return FromAvro(type, ns);
        }
        var kind = type.GetString()!;
        switch (kind)
        {
            case "record":
                var simple = schema.GetProperty("name").GetString()!;
                var space = schema.TryGetProperty("namespace", out var n) ? n.GetString() : ns;
                var full =
                    simple.Contains('.', StringComparison.Ordinal) || string.IsNullOrEmpty(space)
                        ? simple
                        : space + "." + simple;
                var recordNs = full.Contains('.', StringComparison.Ordinal)
                    ? full[..full.LastIndexOf('.')]
                    : null;
                return new ConnectSchema("struct", Optional: false)
                {
                    Name = full,
                    Fields = schema
                        .GetProperty("fields")
                        .EnumerateArray()
                        .Select(f => new ConnectField(
                            f.GetProperty("name").GetString()!,
                            FromAvro(f.GetProperty("type"), recordNs)
                        ))
                        .ToArray(),
                };
            case "array":
                return new ConnectSchema("array", Optional: false)
                {
                    Items = FromAvro(schema.GetProperty("items"), ns),
                };
            case "map":
                return new ConnectSchema("map", Optional: false)
                {
                    Keys = new ConnectSchema("string", Optional: false),
                    Items = FromAvro(schema.GetProperty("values"), ns),
                };
            case "enum":
                return new ConnectSchema("string", Optional: false);
            default:
                return Primitive(
                    kind,
                    schema.TryGetProperty("logicalType", out var l) ? l.GetString() : null
                );
        }
    }

    private static ConnectSchema Primitive(string avroType, string? logical) =>
        (avroType, logical) switch
        {
            ("long", "timestamp-millis") => Logical(
                "int64",
                "org.apache.kafka.connect.data.Timestamp"
            ),
            ("int", "date") => Logical("int32", "org.apache.kafka.connect.data.Date"),
            ("int", "time-millis") => Logical("int32", "org.apache.kafka.connect.data.Time"),
            ("boolean", _) => new("boolean", false),
            ("int", _) => new("int32", false),
            ("long", _) => new("int64", false),
            ("float", _) => new("float", false),
            ("double", _) => new("double", false),
            ("bytes", _) or ("fixed", _) => new("bytes", false),
            ("string", _) => new("string", false),
            _ => throw new NotSupportedException(
                $"Avro type '{avroType}' has no Connect schema here yet."
            ),
        };

    private static ConnectSchema Logical(string type, string name) =>
        new(type, Optional: false) { Name = name, Version = 1 };

    private static ConnectSchema FromJsonSchema(JsonElement schema, bool optional)
    {
        var type = schema.TryGetProperty("type", out var t) ? t : default;
        if (type.ValueKind == JsonValueKind.Array)
        {
            var kinds = type.EnumerateArray().Select(k => k.GetString()).ToArray();
            var nonNull = kinds.Where(k => k != "null").ToArray();
            return FromJsonSchemaType(
                nonNull.Length == 1 ? nonNull[0]! : "object",
                schema,
                optional || kinds.Contains("null")
            );
        }
        return FromJsonSchemaType(
            type.ValueKind == JsonValueKind.String ? type.GetString()! : "object",
            schema,
            optional
        );
    }

    private static ConnectSchema FromJsonSchemaType(string type, JsonElement schema, bool optional)
    {
        switch (type)
        {
            case "object":
                var required = schema.TryGetProperty("required", out var r)
                    ? r.EnumerateArray()
                        .Select(x => x.GetString())
                        .ToHashSet(StringComparer.Ordinal)
                    : [];
                var fields = schema.TryGetProperty("properties", out var properties)
                    ? properties
                        .EnumerateObject()
                        .Select(p => new ConnectField(
                            p.Name,
                            FromJsonSchema(p.Value, !required.Contains(p.Name))
                        ))
                        .ToArray()
                    : [];
                return new ConnectSchema("struct", optional)
                {
                    Name = schema.TryGetProperty("title", out var title) ? title.GetString() : null,
                    Fields = fields,
                };
            case "array":
                return new ConnectSchema("array", optional)
                {
                    Items = schema.TryGetProperty("items", out var items)
                        ? FromJsonSchema(items, false)
                        : new ConnectSchema("string", true),
                };
            case "integer":
                return new ConnectSchema("int64", optional);
            case "number":
                return new ConnectSchema("double", optional);
            case "boolean":
                return new ConnectSchema("boolean", optional);
            default:
                return new ConnectSchema("string", optional);
        }
    }
}
