using KConnector.Generator.Models;

namespace KConnector.Generator.Connectors;

/// <summary>A record field whose type no built-in connector maps to a column, and why.</summary>
/// <param name="Location">Where the field's type stands in the .avsc.</param>
/// <param name="JsonPath">The field's JSON path, e.g. <c>$.fields[3]</c>.</param>
internal sealed record UnmappableField(
    string Name,
    string Reason,
    LocationInfo Location,
    string JsonPath
);
