namespace KConnector.Generator.Cdc;

/// <summary>An .avsc of the project as a table declaration sees it: its top-level "type", or null when the file is not JSON.</summary>
internal sealed record CdcSchemaFile(string NormalizedPath, string? TopLevelType);
