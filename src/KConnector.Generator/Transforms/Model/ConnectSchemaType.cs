namespace KConnector.Generator.Transforms;

/// <summary>
/// Kafka Connect's schema types (<c>Schema.Type</c>), which its transformations are written
/// against; <see cref="Unknown"/> where the build cannot know the schema (a user transformation's
/// output, a type from another file), so no check is made there.
/// </summary>
internal enum ConnectSchemaType
{
    Unknown,
    Int8,
    Int16,
    Int32,
    Int64,
    Float32,
    Float64,
    Boolean,
    String,
    Bytes,
    Array,
    Map,
    Struct,
}
