namespace KConnector.Transforms.Builtin;

/// <summary>The types Kafka Connect's <c>Cast</c> casts to (<c>SUPPORTED_CAST_OUTPUT_TYPES</c>).</summary>
internal enum CastType
{
    Int8,
    Int16,
    Int32,
    Int64,
    Float32,
    Float64,
    Boolean,
    String,
}
