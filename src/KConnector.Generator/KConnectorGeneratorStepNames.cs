namespace KConnector.Generator;

/// <summary>
/// Tracking names of the pipeline's steps. Tests re-run the driver after an unrelated edit and
/// assert that each of these steps is Cached or Unchanged.
/// </summary>
internal static class KConnectorGeneratorStepNames
{
    public const string SchemaFiles = nameof(SchemaFiles);
    public const string ParsedSchemas = nameof(ParsedSchemas);

    /// <summary>All files' named types resolved together (the cross-file name table).</summary>
    public const string ResolvedSchemas = nameof(ResolvedSchemas);

    /// <summary>One output per generated type: an edit to one file leaves the others Unchanged here.</summary>
    public const string AvroTypes = nameof(AvroTypes);
    public const string Diagnostics = nameof(Diagnostics);
    public const string JsonSchemaFiles = nameof(JsonSchemaFiles);
    public const string JsonSchemaParsed = nameof(JsonSchemaParsed);
    public const string JsonSchemaResolved = nameof(JsonSchemaResolved);
    public const string JsonSchemaTypes = nameof(JsonSchemaTypes);
    public const string JsonSchemaDiagnostics = nameof(JsonSchemaDiagnostics);

    public const string ConnectorSpecFiles = nameof(ConnectorSpecFiles);
    public const string ParsedConnectorSpecs = nameof(ParsedConnectorSpecs);
    public const string ConnectorSchemaIndex = nameof(ConnectorSchemaIndex);

    /// <summary>Each parsed .avsc / .schema.json file as connectors see it, from its own pipeline's parse step.</summary>
    public const string ConnectorAvroSchemas = nameof(ConnectorAvroSchemas);
    public const string ConnectorJsonSchemas = nameof(ConnectorJsonSchemas);
    public const string ResolvedConnectorSpecs = nameof(ResolvedConnectorSpecs);
    public const string SourceConnectorClasses = nameof(SourceConnectorClasses);
    public const string SinkConnectorClasses = nameof(SinkConnectorClasses);
    public const string ConnectorClassDrafts = nameof(ConnectorClassDrafts);
    public const string ResolvedConnectorClasses = nameof(ResolvedConnectorClasses);
    public const string Connectors = nameof(Connectors);
    public const string PluginCatalog = nameof(PluginCatalog);
    public const string ConfigProviderCatalog = nameof(ConfigProviderCatalog);
    public const string PluginDescriptorClasses = nameof(PluginDescriptorClasses);
    public const string ConfigKeySetClasses = nameof(ConfigKeySetClasses);
    public const string TypedConfigClasses = nameof(TypedConfigClasses);
    public const string TypedConfigOptions = nameof(TypedConfigOptions);

    /// <summary>The project's [ConnectPlugin] transformation and predicate classes (each read on its own), in source order.</summary>
    public const string ProjectTransformPlugins = nameof(ProjectTransformPlugins);

    /// <summary>The referenced assemblies' catalog with the project's transformations and predicates added.</summary>
    public const string ProjectPluginCatalog = nameof(ProjectPluginCatalog);

    public static readonly string[] All =
    {
        SchemaFiles,
        ParsedSchemas,
        ResolvedSchemas,
        AvroTypes,
        Diagnostics,
        JsonSchemaFiles,
        JsonSchemaParsed,
        JsonSchemaResolved,
        JsonSchemaTypes,
        JsonSchemaDiagnostics,
        ConnectorSpecFiles,
        ParsedConnectorSpecs,
        ConnectorSchemaIndex,
        ConnectorAvroSchemas,
        ConnectorJsonSchemas,
        PluginCatalog,
        ConfigProviderCatalog,
        ResolvedConnectorSpecs,
        SourceConnectorClasses,
        SinkConnectorClasses,
        ConnectorClassDrafts,
        ResolvedConnectorClasses,
        Connectors,
        PluginDescriptorClasses,
        ConfigKeySetClasses,
        TypedConfigClasses,
        TypedConfigOptions,
        ProjectTransformPlugins,
        ProjectPluginCatalog,
    };
}
