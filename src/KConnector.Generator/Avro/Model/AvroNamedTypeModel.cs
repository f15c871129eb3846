using System.Linq;
using KConnector.Generator.Helpers;
using KConnector.Generator.Models;

namespace KConnector.Generator.Avro;

/// <summary>
/// A named type defined in a schema file (a record, an enum or a fixed), wherever it stands in
/// the file. Value-equatable: the incremental pipeline compares it with the previous run's.
/// </summary>
/// <param name="Kind">Record, Enum or Fixed.</param>
/// <param name="FullName">The Avro full name (namespace.name).</param>
/// <param name="Namespace">The Avro namespace, empty for the null namespace.</param>
/// <param name="Name">The simple name, also the C# type name.</param>
/// <param name="CSharpNamespace">The namespace of the generated type (item metadata may override it).</param>
/// <param name="Access">"public" or "internal".</param>
/// <param name="Fields">A record's fields.</param>
/// <param name="Symbols">An enum's symbols.</param>
/// <param name="EnumDefault">An enum's default symbol, or null.</param>
/// <param name="Size">A fixed's size.</param>
/// <param name="Logical">A fixed's logical type (decimal, duration, uuid).</param>
/// <param name="ExtraJson">Other attributes as compact JSON members, kept for the registered schema.</param>
/// <param name="SourcePath">The file that defines it.</param>
/// <param name="Location">Where its definition starts, for diagnostics.</param>
/// <param name="Path">Its JSON path in the file.</param>
internal sealed record AvroNamedTypeModel(
    AvroKind Kind,
    string FullName,
    string Namespace,
    string Name,
    string CSharpNamespace,
    string Access,
    string? Doc,
    EquatableArray<string> Aliases,
    EquatableArray<AvroFieldModel> Fields,
    EquatableArray<string> Symbols,
    string? EnumDefault,
    int Size,
    AvroLogical Logical,
    int Precision,
    int Scale,
    string ExtraJson,
    string SourcePath,
    LocationInfo Location,
    string Path
)
{
    /// <summary>The C# type name: <see cref="Name"/>, escaped or renamed where C# needs it (<see cref="Emit.CSharpIdentifier"/>).</summary>
    public string TypeName => Emit.CSharpIdentifier.TypeName(Name, Kind == AvroKind.Record);

    /// <summary>The C# namespace as written in code, each segment escaped.</summary>
    public string CSharpNamespaceText => Emit.CSharpIdentifier.Namespace(CSharpNamespace);

    public string CSharpFullName =>
        CSharpNamespace.Length == 0 ? TypeName : CSharpNamespaceText + "." + TypeName;

    public string GlobalName => "global::" + CSharpFullName;

    /// <summary>The same definition, ignoring where it was written: two files may define a shared type identically.</summary>
    public AvroNamedTypeModel WithoutOrigin() =>
        this with
        {
            SourcePath = string.Empty,
            Location = new LocationInfo(string.Empty, default, default),
            Path = string.Empty,
            Fields = Fields
                .Select(f =>
                    f with
                    {
                        DefaultLocation = null,
                        TypeLocation = null,
                        Path = string.Empty,
                    }
                )
                .ToEquatableArray(),
        };
}
