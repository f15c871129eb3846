namespace KConnector.Avro;

/// <summary>
/// A type whose Avro binary codec was generated at build time. Static abstract members let
/// converters reach the codec through a generic constraint: no reflection, no boxing.
/// </summary>
/// <typeparam name="TSelf">The generated record type.</typeparam>
public interface IAvroRecord<TSelf>
    where TSelf : IAvroRecord<TSelf>
{
    /// <summary>The writer schema as JSON, exactly as the .avsc file declared it.</summary>
    static abstract string AvroSchemaJson { get; }

    /// <summary>Writes <paramref name="value"/> in Avro binary encoding.</summary>
    static abstract void Encode(ref AvroWriter writer, TSelf value);

    /// <summary>Reads one value written with this type's own schema.</summary>
    static abstract TSelf Decode(ref AvroReader reader);
}
