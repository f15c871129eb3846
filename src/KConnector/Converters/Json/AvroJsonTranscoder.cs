using System.Buffers;
using System.Text.Json;
using KConnector.Avro;

namespace KConnector.Converters.Json;

/// <summary>
/// Turns JSON written by a generated <c>WriteJson</c> (field names as in the schema, bytes as
/// base64, nullable unions as the value or null, other unions as an object with one member set
/// per Confluent's AvroData, enums as their symbol) into Avro binary
/// (Avro spec, "Binary Encoding"), along a schema compiled once into a tree of nodes.
/// </summary>
internal sealed class AvroJsonTranscoder
{
    private readonly Node _root;

    public AvroJsonTranscoder(string schemaJson)
    {
        using var doc = JsonDocument.Parse(schemaJson);
        _root = Compile(
            doc.RootElement,
            new Dictionary<string, Node>(StringComparer.Ordinal),
            null
        );
    }

    public void Transcode(JsonElement value, IBufferWriter<byte> output)
    {
        var writer = new AvroWriter(output);
        Write(ref writer, _root, value, _root.Name ?? "value");
    }

    private static void Write(ref AvroWriter writer, Node node, JsonElement value, string path)
    {
        switch (node.Kind)
        {
            case "null":
                Expect(value.ValueKind == JsonValueKind.Null, path, "null", value);
                break;
            case "boolean":
                Expect(
                    value.ValueKind is JsonValueKind.True or JsonValueKind.False,
                    path,
                    "a boolean",
                    value
                );
                writer.WriteBoolean(value.GetBoolean());
                break;
            case "int":
                Expect(
                    value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out _),
                    path,
                    "an int",
                    value
                );
                writer.WriteInt(value.GetInt32());
                break;
            case "long":
                Expect(
                    value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out _),
                    path,
                    "a long",
                    value
                );
                writer.WriteLong(value.GetInt64());
                break;
            case "float":
                Expect(value.ValueKind == JsonValueKind.Number, path, "a number", value);
                writer.WriteFloat(value.GetSingle());
                break;
            case "double":
                Expect(value.ValueKind == JsonValueKind.Number, path, "a number", value);
                writer.WriteDouble(value.GetDouble());
                break;
            case "string":
                Expect(value.ValueKind == JsonValueKind.String, path, "a string", value);
                writer.WriteString(value.GetString()!);
                break;
            case "bytes":
                Expect(value.ValueKind == JsonValueKind.String, path, "a base64 string", value);
                writer.WriteBytes(value.GetBytesFromBase64());
                break;
            case "enum":
                Expect(value.ValueKind == JsonValueKind.String, path, "an enum symbol", value);
                var symbol = Array.IndexOf(node.Symbols, value.GetString());
                Expect(symbol >= 0, path, "one of " + string.Join(", ", node.Symbols), value);
                writer.WriteInt(symbol);
                break;
            case "union":
                var isNull = value.ValueKind == JsonValueKind.Null;
                var branch = isNull ? node.NullBranch : 1 - node.NullBranch;
                writer.WriteUnionIndex(branch);
                if (!isNull)
                {
                    Write(ref writer, node.Children[branch], value, path);
                }
                break;
            case "general-union":
                WriteGeneralUnion(ref writer, node, value, path);
                break;
            case "fixed uuid":
                // WriteJson prints a uuid on fixed(16) as its text (Connect's JsonConverter prints
                // the string AvroData makes of it); the Avro bytes are the UUID big-endian (RFC 4122).
                Expect(
                    value.ValueKind == JsonValueKind.String
                        && Guid.TryParse(value.GetString(), out _)
                        && node.Size == 16,
                    path,
                    "a UUID string (fixed " + node.Name + ")",
                    value
                );
                Span<byte> uuid = stackalloc byte[16];
                Guid.Parse(value.GetString()!).TryWriteBytes(uuid, bigEndian: true, out _);
                writer.WriteFixed(uuid, 16, path);
                break;
            case "fixed":
                Expect(value.ValueKind == JsonValueKind.String, path, "a base64 string", value);
                var fixedBytes = value.GetBytesFromBase64();
                if (node.IsDecimal)
                {
                    // WriteJson prints a decimal as the base64 of its unscaled big-endian two's
                    // complement, shortest form: sign-extend it to the fixed size.
                    Expect(
                        fixedBytes.Length <= node.Size,
                        path,
                        $"at most {node.Size} bytes (fixed {node.Name})",
                        value
                    );
                    var extended = new byte[node.Size];
                    var pad =
                        fixedBytes.Length > 0 && (fixedBytes[0] & 0x80) != 0 ? (byte)0xFF : (byte)0;
                    extended.AsSpan(0, node.Size - fixedBytes.Length).Fill(pad);
                    fixedBytes.CopyTo(extended, node.Size - fixedBytes.Length);
                    fixedBytes = extended;
                }
                Expect(
                    fixedBytes.Length == node.Size,
                    path,
                    $"{node.Size} bytes (fixed {node.Name})",
                    value
                );
                writer.WriteFixed(fixedBytes, node.Size, path);
                break;
            case "array":
                Expect(value.ValueKind == JsonValueKind.Array, path, "an array", value);
                var count = value.GetArrayLength();
                if (count > 0)
                {
                    writer.WriteLong(count);
                    var i = 0;
                    foreach (var item in value.EnumerateArray())
                    {
                        Write(ref writer, node.Children[0], item, $"{path}[{i++}]");
                    }
                }
                writer.WriteLong(0);
                break;
            case "map":
                Expect(value.ValueKind == JsonValueKind.Object, path, "an object", value);
                var entries = value.EnumerateObject().Count();
                if (entries > 0)
                {
                    writer.WriteLong(entries);
                    foreach (var entry in value.EnumerateObject())
                    {
                        writer.WriteString(entry.Name);
                        Write(ref writer, node.Children[0], entry.Value, $"{path}.{entry.Name}");
                    }
                }
                writer.WriteLong(0);
                break;
            case "record":
                Expect(value.ValueKind == JsonValueKind.Object, path, "an object", value);
                for (var f = 0; f < node.Children.Length; f++)
                {
                    var field = node.Children[f];
                    var fieldValue = value.TryGetProperty(field.FieldName!, out var v)
                        ? v
                        : default;
                    if (fieldValue.ValueKind == JsonValueKind.Undefined)
                    {
                        // An absent nullable field reads as null, as Connect's JsonConverter reads a missing optional field.
                        Expect(
                            field.Kind == "union"
                                || (field.Kind == "general-union" && field.NullBranch >= 0),
                            $"{path}.{field.FieldName}",
                            "a value",
                            fieldValue
                        );
                        writer.WriteUnionIndex(field.NullBranch);
                        continue;
                    }
                    Write(ref writer, field, fieldValue, $"{path}.{field.FieldName}");
                }
                break;
            default:
                throw new JsonException(
                    $"'{path}': Avro type '{node.Kind}' has no JSON reading yet."
                );
        }
    }

    /// <summary>
    /// A union other than ["null", T], as Connect's JsonConverter prints the struct AvroData makes
    /// of it: null for the null branch, else an object whose members are named after the
    /// branches, all null but the one set (issue 20, item 9).
    /// </summary>
    private static void WriteGeneralUnion(
        ref AvroWriter writer,
        Node node,
        JsonElement value,
        string path
    )
    {
        var expected =
            "an object with one member set of "
            + string.Join(", ", node.BranchNames.Where(b => b.Length > 0))
            + (node.NullBranch >= 0 ? ", or null" : string.Empty);
        if (value.ValueKind == JsonValueKind.Null)
        {
            Expect(node.NullBranch >= 0, path, expected, value);
            writer.WriteUnionIndex(node.NullBranch);
            return;
        }
        Expect(value.ValueKind == JsonValueKind.Object, path, expected, value);
        var chosen = -1;
        JsonElement chosenValue = default;
        foreach (var member in value.EnumerateObject())
        {
            var index = Array.IndexOf(node.BranchNames, member.Name);
            Expect(
                index >= 0 && member.Name.Length > 0,
                $"{path}.{member.Name}",
                "no such member: " + expected,
                member.Value
            );
            if (member.Value.ValueKind == JsonValueKind.Null)
            {
                continue;
            }
            Expect(chosen < 0, path, expected + " (two are set)", value);
            chosen = index;
            chosenValue = member.Value;
        }
        if (chosen < 0)
        {
            Expect(node.NullBranch >= 0, path, expected + " (none is set)", value);
            writer.WriteUnionIndex(node.NullBranch);
            return;
        }
        writer.WriteUnionIndex(chosen);
        Write(ref writer, node.Children[chosen], chosenValue, $"{path}.{node.BranchNames[chosen]}");
    }

    private static void Expect(bool ok, string path, string expected, JsonElement value)
    {
        if (!ok)
        {
            throw new JsonException(
                $"'{path}': expected {expected}, found {(value.ValueKind == JsonValueKind.Undefined ? "nothing" : value.ValueKind.ToString())}."
            );
        }
    }

    private static Node Compile(JsonElement schema, Dictionary<string, Node> named, string? ns)
    {
        switch (schema.ValueKind)
        {
            case JsonValueKind.String:
                var name = schema.GetString()!;
                if (name.StartsWith('.'))
                {
                    // ".Name": absolute, Name in the null namespace (generated schemas write it so).
                    name = name[1..];
                    ns = null;
                }
                return named.TryGetValue(name, out var known) ? known
                    : named.TryGetValue(ns + "." + name, out known) ? known
                    : new Node(name);
            case JsonValueKind.Array:
                var branches = schema.EnumerateArray().Select(b => Compile(b, named, ns)).ToArray();
                var nullIndex = Array.FindIndex(branches, b => b.Kind == "null");
                if (branches.Length != 2 || nullIndex < 0)
                {
                    return new Node("general-union")
                    {
                        Children = branches,
                        NullBranch = nullIndex,
                        BranchNames = schema
                            .EnumerateArray()
                            .Select(b => AvroUnionBranchNames.Of(b) ?? string.Empty)
                            .ToArray(),
                    };
                }
                return new Node("union") { Children = branches, NullBranch = nullIndex };
            default:
                var type = schema.GetProperty("type");
                if (type.ValueKind != JsonValueKind.String)
                {
                    return Compile(type, named, ns);
                }
                var kind = type.GetString()!;
                switch (kind)
                {
                    case "record":
                    case "error":
                        var simple = schema.GetProperty("name").GetString()!;
                        var space = schema.TryGetProperty("namespace", out var n)
                            ? n.GetString()
                            : ns;
                        var full =
                            simple.Contains('.', StringComparison.Ordinal)
                            || string.IsNullOrEmpty(space)
                                ? simple
                                : space + "." + simple;
                        var record = new Node("record") { Name = full };
                        named[full] = record;
                        var recordNs = full.Contains('.', StringComparison.Ordinal)
                            ? full[..full.LastIndexOf('.')]
                            : null;
                        record.Children = schema
                            .GetProperty("fields")
                            .EnumerateArray()
                            .Select(f =>
                                Compile(f.GetProperty("type"), named, recordNs) with
                                {
                                    FieldName = f.GetProperty("name").GetString(),
                                }
                            )
                            .ToArray();
                        return record;
                    case "enum":
                        return named[FullName(schema, ns)] = new Node("enum")
                        {
                            Symbols = schema
                                .GetProperty("symbols")
                                .EnumerateArray()
                                .Select(s => s.GetString()!)
                                .ToArray(),
                        };
                    case "fixed":
                        var logical = schema.TryGetProperty("logicalType", out var lt)
                            ? lt.GetString()
                            : null;
                        // A uuid on a fixed prints as its text; a duration (and any other) as the
                        // base64 of its bytes, which reads as a plain fixed.
                        var fixedNode = new Node(logical == "uuid" ? "fixed uuid" : "fixed")
                        {
                            Name = FullName(schema, ns),
                            Size = schema.GetProperty("size").GetInt32(),
                            IsDecimal = logical == "decimal",
                        };
                        named[fixedNode.Name] = fixedNode;
                        return fixedNode;
                    case "array":
                        return new Node("array")
                        {
                            Children = [Compile(schema.GetProperty("items"), named, ns)],
                        };
                    case "map":
                        return new Node("map")
                        {
                            Children = [Compile(schema.GetProperty("values"), named, ns)],
                        };
                    default:
                        // Primitives, with or without a logical type (the JSON carries the underlying value).
                        return new Node(kind);
                }
        }
    }

    private sealed record Node(string Kind)
    {
        public string? Name { get; init; }

        public string? FieldName { get; init; }

        public Node[] Children { get; set; } = [];

        public int NullBranch { get; init; }

        public string[] Symbols { get; init; } = [];

        /// <summary>A general union's branch names (empty for the null branch), as <see cref="AvroUnionBranchNames"/> gives them.</summary>
        public string[] BranchNames { get; init; } = [];

        public int Size { get; init; }

        public bool IsDecimal { get; init; }
    }

    private static string FullName(JsonElement schema, string? ns)
    {
        var simple = schema.GetProperty("name").GetString()!;
        var space = schema.TryGetProperty("namespace", out var n) ? n.GetString() : ns;
        return simple.Contains('.', StringComparison.Ordinal) || string.IsNullOrEmpty(space)
            ? simple
            : space + "." + simple;
    }
}
