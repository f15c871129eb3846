using KConnector.Generator.Helpers;
using KConnector.Generator.Models;

namespace KConnector.Generator.Avro;

/// <summary>One record field, as the emitter and the name table need it.</summary>
/// <param name="DefaultJson">The field's default as compact JSON, or null when it has none.</param>
/// <param name="DefaultLocation">Where the default stands, for a diagnostic when it does not match the type.</param>
/// <param name="TypeLocation">Where the field's type stands, for unresolved references.</param>
/// <param name="DefaultCSharp">The default as a C# expression, set once the name table validated it.</param>
/// <param name="Path">The field's JSON path in its file, e.g. <c>$.fields[2]</c>.</param>
internal sealed record AvroFieldModel(
    string AvroName,
    string PropertyName,
    AvroTypeModel Type,
    string? Doc,
    EquatableArray<string> Aliases,
    string? DefaultJson,
    string? Order,
    LocationInfo? DefaultLocation,
    LocationInfo? TypeLocation,
    string Path,
    string? DefaultCSharp = null
)
{
    public bool HasDefault => DefaultJson is not null;
}
