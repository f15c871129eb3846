using KConnector.Generator.Helpers;

namespace KConnector.Generator.Connectors;

/// <summary>
/// The table mapping of a generated Avro record, read from its .avsc at build time: what the emitted
/// <c>RecordAccessor&lt;T&gt;</c> needs (the fields as connectors see them) and the fields no
/// connector can map, reported only when a spec'd built-in connector needs the type.
/// </summary>
/// <param name="AvroFullName">The record's Avro full name (the shape's name).</param>
/// <param name="RecordType">The generated record's C# type, global-qualified.</param>
/// <param name="Namespace">The C# namespace of the record, where the accessor goes too.</param>
/// <param name="AccessorName">{Record}RecordAccessor.</param>
/// <param name="Access">public or internal, as the record.</param>
/// <param name="SchemaFile">The .avsc file name, for docs and diagnostics.</param>
internal sealed record RecordShapeModel(
    string AvroFullName,
    string RecordType,
    string Namespace,
    string AccessorName,
    string Access,
    string SchemaFile,
    EquatableArray<ShapeFieldModel> Fields,
    EquatableArray<UnmappableField> Unmappable
)
{
    public string AccessorType =>
        "global::" + (Namespace.Length == 0 ? AccessorName : Namespace + "." + AccessorName);

    public string FullAccessorName =>
        Namespace.Length == 0 ? AccessorName : Namespace + "." + AccessorName;
}
