using KConnector.Generator.Json;

namespace KConnector.Generator.Connectors;

/// <summary>
/// One config entry of a spec, kept as data so that entries for a connector class known only after
/// parsing (a [SourceConnector]/[SinkConnector] class of the project) can be checked later.
/// </summary>
/// <param name="Text">The value as Kafka Connect text (numbers and booleans as written, string arrays joined with ','), or null for objects, null and mixed arrays.</param>
internal sealed record SpecEntry(
    string Key,
    string? Text,
    JsonKind Kind,
    string Description,
    SpecLocation KeyWhere,
    SpecLocation ValueWhere
);
