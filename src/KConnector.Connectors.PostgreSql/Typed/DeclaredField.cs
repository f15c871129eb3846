using System.Text.Json;

namespace KConnector.Connectors.PostgreSql.Typed;

/// <summary>
/// One field of a declared row record: its name, the non-null type, where "null" stands in its
/// union (-1: not nullable) and its default (the JSON of the .avsc, or null when none).
/// </summary>
internal sealed record DeclaredField(
    string Name,
    JsonElement Type,
    int NullIndex,
    JsonElement? Default
)
{
    /// <summary>Reads the fields of a record schema (self-contained JSON).</summary>
    /// <exception cref="FormatException">Not a record schema.</exception>
    public static IReadOnlyList<DeclaredField> Read(string recordSchemaJson, out string fullName)
    {
        var root = JsonDocument.Parse(recordSchemaJson).RootElement;
        if (
            root.ValueKind != JsonValueKind.Object
            || root.GetProperty("type").GetString() != "record"
        )
        {
            throw new FormatException("the declared schema is not an Avro record");
        }
        var name = root.GetProperty("name").GetString()!;
        fullName =
            name.Contains('.', StringComparison.Ordinal)
            || !root.TryGetProperty("namespace", out var ns)
            || ns.GetString() is not { Length: > 0 } space
                ? name
                : space + "." + name;
        var fields = new List<DeclaredField>();
        foreach (var field in root.GetProperty("fields").EnumerateArray())
        {
            var type = field.GetProperty("type");
            var nullIndex = -1;
            if (type.ValueKind == JsonValueKind.Array)
            {
                var branches = type.EnumerateArray().ToList();
                nullIndex = branches.FindIndex(IsNull);
                var others = branches.Where(b => !IsNull(b)).ToList();
                // A union of two or more non-null types is no column's type: checked by the plan.
                type = others.Count == 1 && branches.Count == 2 ? others[0] : type;
            }
            fields.Add(
                new DeclaredField(
                    field.GetProperty("name").GetString()!,
                    type.Clone(),
                    nullIndex,
                    field.TryGetProperty("default", out var d) ? d.Clone() : null
                )
            );
        }
        return fields;
    }

    private static bool IsNull(JsonElement branch) =>
        branch.ValueKind == JsonValueKind.String && branch.GetString() == "null";

    /// <summary>The Avro type name of the non-null type (long, string, array, record...).</summary>
    public string TypeName =>
        Type.ValueKind switch
        {
            JsonValueKind.String => Type.GetString()!,
            JsonValueKind.Object => Type.GetProperty("type").GetString()!,
            _ => "union",
        };

    /// <summary>The logicalType of the non-null type, or null.</summary>
    public string? LogicalType =>
        Type.ValueKind == JsonValueKind.Object && Type.TryGetProperty("logicalType", out var l)
            ? l.GetString()
            : null;

    /// <summary>How the type is written in errors: its JSON.</summary>
    public string Describe() => Type.GetRawText();
}
