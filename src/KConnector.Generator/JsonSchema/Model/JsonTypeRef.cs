using KConnector.Generator.Models;

namespace KConnector.Generator.JsonSchema;

/// <summary>
/// The type of one schema position. <see cref="Target"/> is the raw $ref while unresolved and
/// the generated type's full C# name once resolved; <see cref="Element"/> is an array's item or a
/// map's value. <see cref="Location"/> and <see cref="JsonPath"/> are kept for $ref diagnostics.
/// </summary>
internal sealed record JsonTypeRef(
    JsonTypeKind Kind,
    bool Nullable,
    JsonTypeRef? Element = null,
    string Target = "",
    LocationInfo? Location = null,
    string JsonPath = ""
)
{
    public static JsonTypeRef Of(JsonTypeKind kind) => new(kind, false);

    public JsonTypeRef WithNullable(bool nullable) =>
        nullable == Nullable ? this : this with { Nullable = nullable };
}
