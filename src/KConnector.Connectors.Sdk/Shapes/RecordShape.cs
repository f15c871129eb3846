using System.Collections.Concurrent;
using System.Text.Json;

namespace KConnector.Connectors.Shapes;

/// <summary>
/// The runtime view of a generated record's schema that connectors need: its fields in schema
/// order, with types and nullability. Built once per schema from the Avro schema JSON a generated
/// type carries (<c>T.AvroSchemaJson</c>), so connectors map typed records to columns and
/// documents without reflection.
/// </summary>
public sealed class RecordShape
{
    private static readonly ConcurrentDictionary<string, RecordShape> Cache = new(
        StringComparer.Ordinal
    );
    private readonly Dictionary<string, int> _indexByName;

    /// <summary>Creates a shape from fields (for keys that are primitives, or tests).</summary>
    public RecordShape(string name, IReadOnlyList<RecordField> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        Name = name;
        Fields = fields;
        _indexByName = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < fields.Count; i++)
        {
            _indexByName[fields[i].Name] = i;
        }
    }

    /// <summary>The record's name (the Avro full name).</summary>
    public string Name { get; }

    /// <summary>The fields in schema (encoding) order.</summary>
    public IReadOnlyList<RecordField> Fields { get; }

    /// <summary>The index of the field named <paramref name="name"/>, or -1.</summary>
    public int IndexOf(string name) => _indexByName.TryGetValue(name, out var i) ? i : -1;

    /// <summary>
    /// Parses an Avro record schema (primitives and two-branch unions with null, what the
    /// generator supports), caching the result per schema text.
    /// </summary>
    /// <exception cref="FormatException">The schema is not a record of supported field types; the message names the field.</exception>
    public static RecordShape FromAvroSchema(string schemaJson)
    {
        ArgumentNullException.ThrowIfNull(schemaJson);
        return Cache.GetOrAdd(schemaJson, Parse);
    }

    private static RecordShape Parse(string schemaJson)
    {
        using var document = JsonDocument.Parse(schemaJson);
        var root = document.RootElement;
        if (
            root.ValueKind != JsonValueKind.Object
            || !root.TryGetProperty("type", out var type)
            || type.GetString() != "record"
        )
        {
            throw new FormatException("the Avro schema is not a record");
        }
        var name = root.GetProperty("name").GetString() ?? string.Empty;
        if (
            root.TryGetProperty("namespace", out var ns)
            && ns.GetString() is { Length: > 0 } nsText
            && !name.Contains('.', StringComparison.Ordinal)
        )
        {
            name = nsText + "." + name;
        }
        var fields = new List<RecordField>();
        foreach (var field in root.GetProperty("fields").EnumerateArray())
        {
            var fieldName = field.GetProperty("name").GetString() ?? string.Empty;
            var fieldType = field.GetProperty("type");
            var hasDefault = field.TryGetProperty("default", out var defaultValue);
            if (fieldType.ValueKind == JsonValueKind.Array)
            {
                var branches = fieldType.EnumerateArray().ToArray();
                var nullIndex = Array.FindIndex(
                    branches,
                    b => b.ValueKind == JsonValueKind.String && b.GetString() == "null"
                );
                if (branches.Length != 2 || nullIndex < 0)
                {
                    throw new FormatException(
                        $"field '{fieldName}' of {name}: only unions of null and one type are supported"
                    );
                }
                var branch = branches[1 - nullIndex];
                var kind = Primitive(name, fieldName, branch);
                fields.Add(
                    WithLogical(
                        new RecordField(fieldName, kind, true, nullIndex, hasDefault)
                        {
                            Default = hasDefault ? DefaultOf(defaultValue, kind) : null,
                        },
                        branch
                    )
                );
            }
            else
            {
                var kind = Primitive(name, fieldName, fieldType);
                fields.Add(
                    WithLogical(
                        new RecordField(fieldName, kind, false, 0, hasDefault)
                        {
                            Default = hasDefault ? DefaultOf(defaultValue, kind) : null,
                        },
                        fieldType
                    )
                );
            }
        }
        return new RecordShape(name, fields);
    }

    /// <summary>
    /// A field's JSON default as the CLR value of its type (Avro spec, "Complex Types: Records":
    /// bytes defaults are strings whose code points 0-255 are the bytes); null for a null default.
    /// </summary>
    // The Avro specification: a logical type on a type it does not fit is ignored (the primitive).
    private static RecordField WithLogical(RecordField field, JsonElement type)
    {
        if (
            type.ValueKind != JsonValueKind.Object
            || !type.TryGetProperty("logicalType", out var logical)
        )
        {
            return field;
        }
        var kind = (logical.GetString(), field.Type) switch
        {
            ("decimal", FieldType.Bytes) => FieldLogicalType.Decimal,
            ("date", FieldType.Int) => FieldLogicalType.Date,
            ("time-millis", FieldType.Int) => FieldLogicalType.TimeMillis,
            ("time-micros", FieldType.Long) => FieldLogicalType.TimeMicros,
            ("timestamp-millis", FieldType.Long) => FieldLogicalType.TimestampMillis,
            ("timestamp-micros", FieldType.Long) => FieldLogicalType.TimestampMicros,
            ("local-timestamp-millis", FieldType.Long) => FieldLogicalType.LocalTimestampMillis,
            ("local-timestamp-micros", FieldType.Long) => FieldLogicalType.LocalTimestampMicros,
            ("uuid", FieldType.String) => FieldLogicalType.Uuid,
            _ => FieldLogicalType.None,
        };
        return field with
        {
            Logical = kind,
            Precision =
                kind == FieldLogicalType.Decimal && type.TryGetProperty("precision", out var p)
                    ? p.GetInt32()
                    : 0,
            Scale =
                kind == FieldLogicalType.Decimal && type.TryGetProperty("scale", out var s)
                    ? s.GetInt32()
                    : 0,
        };
    }

    private static object? DefaultOf(JsonElement value, FieldType type) =>
        value.ValueKind switch
        {
            JsonValueKind.Null => null,
            JsonValueKind.True or JsonValueKind.False when type == FieldType.Boolean =>
                value.GetBoolean(),
            JsonValueKind.Number when type == FieldType.Int => value.GetInt32(),
            JsonValueKind.Number when type == FieldType.Long => value.GetInt64(),
            JsonValueKind.Number when type == FieldType.Float => value.GetSingle(),
            JsonValueKind.Number when type == FieldType.Double => value.GetDouble(),
            JsonValueKind.String when type == FieldType.String => value.GetString(),
            JsonValueKind.String when type == FieldType.Bytes => value
                .GetString()!
                .Select(c => (byte)c)
                .ToArray(),
            // A default of the union's other branch, or one the generator rejected (KCN0012).
            _ => null,
        };

    private static FieldType Primitive(string record, string field, JsonElement type)
    {
        var text =
            type.ValueKind == JsonValueKind.String ? type.GetString()
            : type.ValueKind == JsonValueKind.Object && type.TryGetProperty("type", out var inner)
                ? inner.GetString()
            : null;
        return text switch
        {
            "boolean" => FieldType.Boolean,
            "int" => FieldType.Int,
            "long" => FieldType.Long,
            "float" => FieldType.Float,
            "double" => FieldType.Double,
            "bytes" => FieldType.Bytes,
            "string" => FieldType.String,
            _ => throw new FormatException(
                $"field '{field}' of {record}: type {type.GetRawText()} is not supported by connectors yet"
            ),
        };
    }
}
