namespace KConnector.Generator.Connectors;

/// <summary>
/// A key or value type named by a connector attribute. Types generated from .avsc and .schema.json
/// files in the same project are not visible to the generator's semantic model (generators do not
/// see each other's output), so they arrive unresolved and are matched against the schema index by name.
/// </summary>
/// <param name="Written">The type as written, e.g. <c>Order</c> or <c>global::Shop.Order</c>.</param>
/// <param name="FullName">The fully qualified C# name when resolved.</param>
/// <param name="Formats">What a resolved type can be converted as (None while unresolved or unknown).</param>
/// <param name="ProtoText">A Protobuf message's .proto text, once matched with the project's .proto files.</param>
internal sealed record TypeReference(
    string Written,
    string? FullName,
    TypeFormats Formats,
    SpecLocation Where,
    string? ProtoText = null
)
{
    public bool IsString => Formats == TypeFormats.String;

    public static TypeReference String(SpecLocation where) =>
        new("string", "string", TypeFormats.String, where);
}
