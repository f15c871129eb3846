using System.Text.Json;

namespace KConnector.Converters.Json;

/// <summary>
/// The name a branch of a general Avro union has in Connect and in JSON: Confluent's
/// <c>AvroData.toConnectSchema</c> makes such a union a struct named
/// <c>io.confluent.connect.avro.Union</c> with one field per non-null branch, named as the
/// branch's type (a primitive's or array's / map's type name, a named type's simple name), which
/// is also the member a generated <c>WriteJson</c> writes.
/// </summary>
internal static class AvroUnionBranchNames
{
    /// <summary>The Connect schema name of a general union's struct.</summary>
    public const string UnionSchemaName = "io.confluent.connect.avro.Union";

    /// <summary>The branch's name, or null for the null branch (a null value, no member).</summary>
    public static string? Of(JsonElement branch)
    {
        if (branch.ValueKind == JsonValueKind.String)
        {
            var name = branch.GetString()!;
            return name == "null" ? null : SimpleName(name);
        }
        var type = branch.GetProperty("type");
        if (type.ValueKind != JsonValueKind.String)
        {
            return Of(type);
        }
        return type.GetString() switch
        {
            "record" or "error" or "enum" or "fixed" => SimpleName(
                branch.GetProperty("name").GetString()!
            ),
            "null" => null,
            var primitive => primitive,
        };
    }

    private static string SimpleName(string name) => name[(name.LastIndexOf('.') + 1)..];
}
