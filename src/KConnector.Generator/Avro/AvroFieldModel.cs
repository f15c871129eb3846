namespace KConnector.Generator.Avro;

/// <summary>
/// One record field, as the emitter needs it.
/// <paramref name="NullBranch"/> is the index of "null" in a ["null", T] union, or -1 when the
/// field is not nullable: the branch order is part of the encoding.
/// </summary>
internal sealed record AvroFieldModel(
    string AvroName,
    string PropertyName,
    AvroPrimitive Type,
    int NullBranch,
    string? Doc
)
{
    public bool IsNullable => NullBranch >= 0;
}
