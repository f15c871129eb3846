using System.Collections.Concurrent;
using System.Text.Json;

namespace KConnector.Connectors.Shapes;

/// <summary>Builds a <see cref="RecordShape"/> from a JSON Schema object schema (cached per schema text).</summary>
public static class JsonSchemaShape
{
    private static readonly ConcurrentDictionary<string, RecordShape> Cache = new(
        StringComparer.Ordinal
    );

    /// <summary>Parses <paramref name="schemaText"/>'s top-level properties.</summary>
    /// <exception cref="FormatException">A property's type is not one connectors map; the message names it.</exception>
    public static RecordShape FromJsonSchema(string schemaText)
    {
        ArgumentNullException.ThrowIfNull(schemaText);
        return Cache.GetOrAdd(schemaText, Parse);
    }

    private static RecordShape Parse(string schemaText)
    {
        using var document = JsonDocument.Parse(schemaText);
        var root = document.RootElement;
        var name = root.TryGetProperty("title", out var title)
            ? title.GetString() ?? "record"
            : "record";
        if (
            !root.TryGetProperty("properties", out var properties)
            || properties.ValueKind != JsonValueKind.Object
        )
        {
            throw new FormatException(
                $"the JSON Schema {name} has no top-level \"properties\" object"
            );
        }
        var required =
            root.TryGetProperty("required", out var r) && r.ValueKind == JsonValueKind.Array
                ? r.EnumerateArray().Select(e => e.GetString()).ToHashSet(StringComparer.Ordinal)
                : [];
        var fields = new List<RecordField>();
        foreach (var property in properties.EnumerateObject())
        {
            var types = property.Value.TryGetProperty("type", out var type)
                ? type.ValueKind == JsonValueKind.Array
                    ? type.EnumerateArray().Select(t => t.GetString()).ToArray()
                    : [type.GetString()]
                : [];
            var nullable = !required.Contains(property.Name) || types.Contains("null");
            var primary = types.Where(t => t != "null").ToArray();
            var isBytes =
                property.Value.TryGetProperty("contentEncoding", out var encoding)
                && encoding.GetString() == "base64";
            var fieldType =
                primary.Length == 1
                    ? primary[0] switch
                    {
                        "integer" => FieldType.Long,
                        "number" => FieldType.Double,
                        "boolean" => FieldType.Boolean,
                        "string" => isBytes ? FieldType.Bytes : FieldType.String,
                        _ => (FieldType?)null,
                    }
                    : null;
            if (fieldType is null)
            {
                throw new FormatException(
                    $"property '{property.Name}' of {name}: type {(types.Length == 0 ? "(none)" : string.Join("|", types))} is not supported by connectors yet"
                );
            }
            fields.Add(
                new RecordField(
                    property.Name,
                    fieldType.Value,
                    nullable,
                    0,
                    HasDefault: property.Value.TryGetProperty("default", out _)
                )
            );
        }
        return new RecordShape(name, fields);
    }
}
