namespace KConnector.Generator;

/// <summary>
/// Tracking names of the pipeline's steps. Tests re-run the driver after an unrelated edit and
/// assert that each of these steps is Cached or Unchanged.
/// </summary>
internal static class KConnectorGeneratorStepNames
{
    public const string SchemaFiles = nameof(SchemaFiles);
    public const string ParsedSchemas = nameof(ParsedSchemas);
    public const string Records = nameof(Records);
    public const string Diagnostics = nameof(Diagnostics);

    public static readonly string[] All = { SchemaFiles, ParsedSchemas, Records, Diagnostics };
}
