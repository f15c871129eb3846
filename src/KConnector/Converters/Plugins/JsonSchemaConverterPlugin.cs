using KConnector.Configuration;
using KConnector.Plugins;

namespace KConnector.Converters.Plugins;

/// <summary>The descriptor of Confluent's <c>JsonSchemaConverter</c> (<see cref="JsonSchemaConverter{T}"/>): its class name and aliases, the types it carries and its config keys (given under <c>key.converter.*</c> / <c>value.converter.*</c>).</summary>
[ConnectPlugin(
    "io.confluent.connect.json.JsonSchemaConverter",
    PluginKind.Converter,
    Aliases = ["JsonSchemaConverter", "JsonSchema"],
    Carries = ConverterRecordTypes.JsonSchemaRecord,
    Description = "Confluent's JSON Schema converter: types generated from .schema.json files as JSON in Confluent's wire format, validated against the schema registered in Schema Registry."
)]
[IncludeConfigKeys(typeof(SchemaRegistryConverterKeys))]
public static partial class JsonSchemaConverterPlugin
{
    /// <summary>Confluent's JSON Schema converter for a type generated from a .schema.json file, with a Schema Registry client; null for other types.</summary>
    public static IConverter<T>? Create<T>(ConverterContext<T> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.WithRegistry(context.Formats.JsonSchema);
    }

    // Create<T> for any T, as a registered plugin's (ConverterPlugins).
    internal static IConverterCreator Creation { get; } = new Creator();

    private sealed class Creator : IConverterCreator
    {
        public IConverter<T>? Create<T>(ConverterContext<T> context) =>
            JsonSchemaConverterPlugin.Create(context);
    }
}
