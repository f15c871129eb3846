using KConnector.Generator.Helpers;

namespace KConnector.Generator.Avro;

/// <summary>
/// A record to generate: a value-equatable model (no symbols, nodes or locations), so the
/// incremental pipeline can compare it with the previous run's and skip unchanged work.
/// </summary>
/// <param name="CSharpNamespace">The namespace of the generated type, or empty for the global namespace.</param>
/// <param name="Name">The record's simple name, also the C# type name.</param>
/// <param name="FullName">The Avro full name (namespace.name).</param>
/// <param name="Access">"public" or "internal".</param>
/// <param name="SchemaJson">The schema as compact JSON, what a registry receives.</param>
/// <param name="SourcePath">The .avsc file, for diagnostics about clashes.</param>
internal sealed record AvroRecordModel(
    string CSharpNamespace,
    string Name,
    string FullName,
    string? Doc,
    string Access,
    EquatableArray<AvroFieldModel> Fields,
    string SchemaJson,
    string SourcePath
)
{
    public string CSharpFullName =>
        CSharpNamespace.Length == 0 ? Name : CSharpNamespace + "." + Name;
}
