using KConnector.Generator.Plugins;

namespace KConnector.Generator.Connectors;

/// <summary>
/// When a spec's value (and key) is schemaless JSON (<c>KConnector.Json.SchemalessJson</c>): Kafka
/// Connect's most common config, the JsonConverter with no schema, on a built-in sink that writes the
/// value as JSON. Its field-level transformations then run at run time, as a hosted worker runs them
/// on <c>JsonNode</c>. A sink that maps fields by the value's schema (SQL's columns, Elasticsearch's
/// mapping) still needs <c>value.schema</c>: Connect's sink would need a schema too.
/// </summary>
internal static class SchemalessSide
{
    /// <summary>The type such a side has.</summary>
    public const string Type = "global::KConnector.Json.SchemalessJson";

    /// <summary>Whether a side without a schema file is schemaless JSON: its converter, named in the spec, carries it.</summary>
    public static bool ConverterGives(ConverterChoice? converter) =>
        converter is { Where: not null, Converter: { } named }
        && named.CanCarry(TypeFormats.SchemalessJson);

    /// <summary>Whether the connector takes a schemaless JSON value: a sink whose task writes values as JSON, mapping no fields.</summary>
    public static bool ConnectorTakes(PluginModel? connector) =>
        connector is { Kind: ConnectorKind.Sink, MapsRecords: false };

    /// <summary>Whether the spec's value is schemaless JSON (it names no value.schema).</summary>
    public static bool Value(PluginModel? connector, ConverterChoice? converter) =>
        ConnectorTakes(connector) && ConverterGives(converter);
}
