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
    private static readonly ConnectSchema BeingDefined = new("struct", Optional: false);

    /// <summary>The Connect schema of an Avro schema.</summary>
    public static ConnectSchema FromAvro(string avroSchemaJson)
    {
        using var doc = JsonDocument.Parse(avroSchemaJson);
        return FromAvro(
            doc.RootElement,
            null,
            new Dictionary<string, ConnectSchema>(StringComparer.Ordinal)
        );
    }

    /// <summary>The Connect schema of a JSON Schema document.</summary>
    public static ConnectSchema FromJsonSchema(string jsonSchemaText)
    {
        using var doc = JsonDocument.Parse(jsonSchemaText);
        return FromJsonSchema(doc.RootElement, optional: false);
    }

    private static ConnectSchema FromAvro(
        JsonElement schema,
        string? ns,
        Dictionary<string, ConnectSchema> named
    )
    {
        if (schema.ValueKind == JsonValueKind.Array)
        {
            var branches = schema.EnumerateArray().ToArray();
            var nonNull = branches.Where(b => AvroUnionBranchNames.Of(b) is not null).ToArray();
            if (nonNull.Length == 1 && branches.Length == 2)
            {
                return FromAvro(nonNull[0], ns, named).AsOptional();
            }
            // AvroData.toConnectSchema: a struct with one optional field per non-null branch,
            // optional itself when null is a branch (issue 20, item 9).
            return new ConnectSchema("struct", Optional: nonNull.Length < branches.Length)
            {
                Name = AvroUnionBranchNames.UnionSchemaName,
                Fields = nonNull
                    .Select(b => new ConnectField(
                        AvroUnionBranchNames.Of(b)!,
                        FromAvro(b, ns, named).AsOptional()
                    ))
                    .ToArray(),
            };
        }
        if (schema.ValueKind == JsonValueKind.String)
        {
            var name = schema.GetString()!;
            var reference = Reference(name, ns, named);
            if (ReferenceEquals(reference, BeingDefined))
            {
                throw new Errors.ConfigException(
                    ConverterConfig.SchemasEnableKey,
                    $"Avro record '{name}' is recursive (it contains itself): a Kafka Connect schema, as the JsonConverter's envelope (schemas.enable=true) carries it, cannot describe it. Set schemas.enable=false (plain JSON reads and writes it), or use the AvroConverter."
                );
            }
            return reference ?? Primitive(name, logical: null);
        }
        var type = schema.GetProperty("type");
        if (type.ValueKind != JsonValueKind.String)
        {
            return FromAvro(type, ns, named);
        }
        var kind = type.GetString()!;
        switch (kind)
        {
            case "record":
            case "error":
                var full = FullName(schema, ns);
                var recordNs = full.Contains('.', StringComparison.Ordinal)
                    ? full[..full.LastIndexOf('.')]
                    : null;
                // Marks the record while its fields are read: a field naming it is a recursion.
                named[full] = BeingDefined;
                var record = new ConnectSchema("struct", Optional: false)
                {
                    Name = full,
                    Fields = schema
                        .GetProperty("fields")
                        .EnumerateArray()
                        .Select(f => new ConnectField(
                            f.GetProperty("name").GetString()!,
                            FromAvro(f.GetProperty("type"), recordNs, named)
                        ))
                        .ToArray(),
                };
                named[full] = record;
                return record;
            case "array":
                return new ConnectSchema("array", Optional: false)
                {
                    Items = FromAvro(schema.GetProperty("items"), ns, named),
                };
            case "map":
                return new ConnectSchema("map", Optional: false)
                {
                    Keys = new ConnectSchema("string", Optional: false),
                    Items = FromAvro(schema.GetProperty("values"), ns, named),
                };
            case "enum":
                return named[FullName(schema, ns)] = new ConnectSchema("string", Optional: false);
            case "fixed":
                return named[FullName(schema, ns)] = Primitive(kind, logical: null);
            default:
                // AvroData writes INT8 and INT16 as an Avro int with their Connect type beside it.
                if (
                    kind == "int"
                    && schema.TryGetProperty("connect.type", out var narrow)
                    && narrow.GetString() is "int8" or "int16"
                )
                {
                    return new ConnectSchema(narrow.GetString()!, Optional: false);
                }
                return Primitive(
                    kind,
                    schema.TryGetProperty("logicalType", out var l) ? l.GetString() : null
                );
        }
    }

    /// <summary>A named type defined earlier in the schema (spec "Names": relative to the enclosing namespace first; ".Name" is absolute).</summary>
    private static ConnectSchema? Reference(
        string name,
        string? ns,
        Dictionary<string, ConnectSchema> named
    )
    {
        if (name.StartsWith('.'))
        {
            return named.GetValueOrDefault(name[1..]);
        }
        if (
            !name.Contains('.', StringComparison.Ordinal)
            && !string.IsNullOrEmpty(ns)
            && named.TryGetValue(ns + "." + name, out var inNamespace)
        )
        {
            return inNamespace;
        }
        return named.GetValueOrDefault(name);
    }

    private static string FullName(JsonElement schema, string? ns)
    {
        var simple = schema.GetProperty("name").GetString()!;
        var space = schema.TryGetProperty("namespace", out var n) ? n.GetString() : ns;
        return simple.Contains('.', StringComparison.Ordinal) || string.IsNullOrEmpty(space)
            ? simple
            : space + "." + simple;
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
                $"Avro type '{avroType}' has no Connect schema here: not a type defined before this use (a recursive record has none)."
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
