using KConnector.Generator.Models;

namespace KConnector.Generator.Connectors;

/// <summary>Where a spec value stood (file span and JSON path), kept for diagnostics of a later step.</summary>
internal sealed record SpecLocation(LocationInfo Location, string JsonPath);
