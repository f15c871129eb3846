namespace KConnector.Generator.Connectors;

/// <summary>
/// A key or value type named by a connector attribute. Types generated from .avsc files in the same
/// project are not visible to the generator's semantic model (generators do not see each other's
/// output), so they arrive unresolved and are matched against the schema index by name.
/// </summary>
/// <param name="Written">The type as written, e.g. <c>Order</c> or <c>global::Shop.Order</c>.</param>
/// <param name="FullName">The fully qualified C# name when resolved.</param>
/// <param name="IsString">Whether it is <c>string</c>.</param>
/// <param name="IsRecord">Whether it is a resolved Avro record (implements IAvroRecord).</param>
internal sealed record TypeReference(
    string Written,
    string? FullName,
    bool IsString,
    bool IsRecord,
    SpecLocation Where
)
{
    public static TypeReference String(SpecLocation where) =>
        new("string", "string", true, false, where);
}
