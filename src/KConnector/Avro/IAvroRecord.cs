namespace KConnector.Avro;

/// <summary>
/// A type whose Avro binary codec was generated at build time. Static abstract members let
/// converters reach the codec through a generic constraint: no reflection, no boxing.
/// </summary>
/// <typeparam name="TSelf">The generated record type.</typeparam>
public interface IAvroRecord<TSelf>
    where TSelf : IAvroRecord<TSelf>
{
    /// <summary>The schema as self-contained compact JSON (named types used from other files are inlined).</summary>
    static abstract string AvroSchemaJson { get; }

    /// <summary>Writes <paramref name="value"/> in Avro binary encoding.</summary>
    static abstract void Encode(ref AvroWriter writer, TSelf value);

    /// <summary>Reads one value written with this type's own schema.</summary>
    static abstract TSelf Decode(ref AvroReader reader);

    /// <summary>
    /// Reads one value written with another schema, through a plan from
    /// <see cref="AvroResolvingReader{T}"/>. Generated types implement it; a hand-written
    /// implementation that does not supports only its own schema.
    /// </summary>
    static virtual TSelf DecodeResolved(ref AvroReader reader, AvroResolutionPlan plan) =>
        throw new NotSupportedException(
            $"{typeof(TSelf).Name} does not implement DecodeResolved, so it cannot read data written with another schema."
        );
}
