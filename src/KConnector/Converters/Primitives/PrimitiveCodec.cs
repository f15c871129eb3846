using System.Text.Json;
using KConnector.Avro;
using KConnector.Json;

namespace KConnector.Converters.Primitives;

/// <summary>
/// How one Connect primitive a compiled chain makes (the key or value after <c>ExtractField</c> of a
/// primitive field, or after a whole-value <c>Cast</c>) is written and read: the Avro binary of its
/// type, and the payload Connect's JsonConverter writes for it. <see cref="PrimitiveCodecs"/> has
/// one per C# type the generated records give a primitive field.
/// </summary>
/// <typeparam name="T">The primitive's C# type (its Nullable for an optional schema).</typeparam>
internal sealed class PrimitiveCodec<T>
{
    /// <summary>Writes a non-null value in the Avro binary of its type (an optional schema's branch written before).</summary>
    public delegate void AvroWrite(ref AvroWriter writer, T value);

    /// <summary>Reads a value of its type in Avro binary (an optional schema's branch read before).</summary>
    public delegate T AvroRead(ref AvroReader reader);

    public required AvroWrite WriteAvro { get; init; }

    public required AvroRead ReadAvro { get; init; }

    public required JsonValueWriter<T> WriteJson { get; init; }

    public required JsonValueReader<T> ReadJson { get; init; }
}
