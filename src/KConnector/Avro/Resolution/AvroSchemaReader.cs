using System.Text.Json;

namespace KConnector.Avro.Resolution;

/// <summary>
/// Parses schema JSON into <see cref="AvroSchemaNode"/>s (spec "Schema Declaration", "Names"):
/// namespaces inherited from the enclosing named type, references to names defined earlier.
/// </summary>
internal sealed class AvroSchemaReader
{
    private readonly Dictionary<string, AvroSchemaNode> _named = new(StringComparer.Ordinal);

    public static AvroSchemaNode Parse(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return new AvroSchemaReader().Read(document.RootElement, string.Empty);
        }
        catch (JsonException e)
        {
            throw new AvroSchemaResolutionException(
                "$",
                "the schema is not valid JSON: " + e.Message
            );
        }
        catch (Exception e)
            when (e is KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new AvroSchemaResolutionException(
                "$",
                "the schema is not a valid Avro schema: " + e.Message
            );
        }
    }

    private AvroSchemaNode Read(JsonElement e, string ns)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.String:
                return Named(e.GetString()!, ns);
            case JsonValueKind.Array:
                return new AvroSchemaNode(AvroSchemaKind.Union)
                {
                    Branches = [.. e.EnumerateArray().Select(b => Read(b, ns))],
                };
            case JsonValueKind.Object:
                break;
            default:
                throw new AvroSchemaResolutionException(
                    "$",
                    $"a schema cannot be a JSON {e.ValueKind}"
                );
        }
        var type = e.GetProperty("type");
        if (type.ValueKind != JsonValueKind.String)
        {
            return Read(type, ns);
        }
        var name = type.GetString()!;
        switch (name)
        {
            case "record":
            case "error":
            case "enum":
            case "fixed":
                return ReadNamed(e, name, ns);
            case "array":
                return new AvroSchemaNode(AvroSchemaKind.Array)
                {
                    Items = Read(e.GetProperty("items"), ns),
                };
            case "map":
                return new AvroSchemaNode(AvroSchemaKind.Map)
                {
                    Items = Read(e.GetProperty("values"), ns),
                };
        }
        var node = Primitive(name);
        if (node is null)
        {
            return Named(name, ns);
        }
        return new AvroSchemaNode(node.Value)
        {
            LogicalType =
                e.TryGetProperty("logicalType", out var lt) && lt.ValueKind == JsonValueKind.String
                    ? lt.GetString()
                    : null,
            Scale =
                e.TryGetProperty("scale", out var s) && s.TryGetInt32(out var scale) ? scale : 0,
        };
    }

    private AvroSchemaNode ReadNamed(JsonElement e, string type, string ns)
    {
        var name = e.GetProperty("name").GetString()!;
        var space =
            e.TryGetProperty("namespace", out var n) && n.ValueKind == JsonValueKind.String
                ? n.GetString()!
                : ns;
        var full =
            name.Contains('.', StringComparison.Ordinal) ? name
            : space.Length == 0 ? name
            : space + "." + name;
        var ownNs = full.Contains('.', StringComparison.Ordinal)
            ? full[..full.LastIndexOf('.')]
            : string.Empty;
        var kind = type switch
        {
            "enum" => AvroSchemaKind.Enum,
            "fixed" => AvroSchemaKind.Fixed,
            _ => AvroSchemaKind.Record,
        };
        var node = new AvroSchemaNode(kind)
        {
            FullName = full,
            Aliases = Names(e, ownNs),
            LogicalType =
                e.TryGetProperty("logicalType", out var lt) && lt.ValueKind == JsonValueKind.String
                    ? lt.GetString()
                    : null,
            Scale =
                e.TryGetProperty("scale", out var s) && s.TryGetInt32(out var scale) ? scale : 0,
        };
        // Registered before the fields: a record may refer to itself.
        _named[full] = node;
        switch (kind)
        {
            case AvroSchemaKind.Enum:
                node.Symbols =
                [
                    .. e.GetProperty("symbols").EnumerateArray().Select(x => x.GetString()!),
                ];
                node.EnumDefault =
                    e.TryGetProperty("default", out var d) && d.ValueKind == JsonValueKind.String
                        ? d.GetString()
                        : null;
                break;
            case AvroSchemaKind.Fixed:
                node.Size = e.GetProperty("size").GetInt32();
                break;
            default:
                var fields = new List<AvroSchemaField>();
                foreach (var f in e.GetProperty("fields").EnumerateArray())
                {
                    fields.Add(
                        new AvroSchemaField(
                            f.GetProperty("name").GetString()!,
                            Names(f, null),
                            Read(f.GetProperty("type"), ownNs),
                            f.TryGetProperty("default", out _),
                            fields.Count
                        )
                    );
                }
                node.Fields = fields;
                break;
        }
        return node;
    }

    private static string[] Names(JsonElement e, string? ns) =>
        e.TryGetProperty("aliases", out var a) && a.ValueKind == JsonValueKind.Array
            ?
            [
                .. a.EnumerateArray()
                    .Select(x => x.GetString()!)
                    .Select(x =>
                        ns is null || ns.Length == 0 || x.Contains('.', StringComparison.Ordinal)
                            ? x
                            : ns + "." + x
                    ),
            ]
            : [];

    private AvroSchemaNode Named(string name, string ns)
    {
        if (Primitive(name) is { } kind)
        {
            return new AvroSchemaNode(kind);
        }
        if (name.Length > 1 && name[0] == '.')
        {
            // ".Name": absolute, Name in the null namespace (as Java and avsc read it; generated
            // schemas write such references this way).
            return Named(name[1..], string.Empty);
        }
        if (
            !name.Contains('.', StringComparison.Ordinal)
            && ns.Length > 0
            && _named.TryGetValue(ns + "." + name, out var inNs)
        )
        {
            return inNs;
        }
        return _named.TryGetValue(name, out var node)
            ? node
            : throw new AvroSchemaResolutionException(
                "$",
                $"the schema refers to \"{name}\", which it does not define"
            );
    }

    private static AvroSchemaKind? Primitive(string name) =>
        name switch
        {
            "null" => AvroSchemaKind.Null,
            "boolean" => AvroSchemaKind.Boolean,
            "int" => AvroSchemaKind.Int,
            "long" => AvroSchemaKind.Long,
            "float" => AvroSchemaKind.Float,
            "double" => AvroSchemaKind.Double,
            "bytes" => AvroSchemaKind.Bytes,
            "string" => AvroSchemaKind.String,
            _ => null,
        };
}
