using KConnector.Configuration;
using KConnector.Plugins;

namespace KConnector.Converters.Plugins;

/// <summary>The descriptor of Kafka Connect's <c>JsonConverter</c> (<see cref="JsonConverter{T}"/>): its class name and aliases, the types it carries and its config keys (given under <c>key.converter.*</c> / <c>value.converter.*</c>).</summary>
[ConnectPlugin(
    "org.apache.kafka.connect.json.JsonConverter",
    PluginKind.Converter,
    Aliases = ["JsonConverter", "Json"],
    Carries = ConverterRecordTypes.AvroRecord
        | ConverterRecordTypes.JsonSchemaRecord
        | ConverterRecordTypes.String
        | ConverterRecordTypes.Bytes
        | ConverterRecordTypes.ConnectPrimitive
        | ConverterRecordTypes.SchemalessJson,
    Description = "Kafka Connect's JSON converter: JSON, in the schema/payload envelope when schemas.enable is true."
)]
[ConfigKey(
    "schemas.enable",
    ConfigType.Boolean,
    Default = "true",
    Importance = ConfigImportance.High,
    Group = "Converter",
    Documentation = "Include schemas within each of the serialized values and keys (the schema/payload envelope)."
)]
[ConfigKey(
    "schemas.cache.size",
    ConfigType.Int,
    Default = "1000",
    Min = 0,
    Importance = ConfigImportance.Low,
    Group = "Converter",
    Documentation = "The maximum number of schemas that can be cached in this converter instance. KConnector derives schemas from the compiled types and caches none, so the value changes nothing; it is accepted so that Kafka Connect configs carry over."
)]
public static partial class JsonConverterPlugin
{
    /// <summary>Kafka Connect's JsonConverter over the type's JSON codec (string, byte[] and JsonNode have one of their own); null for a type without one.</summary>
    public static IConverter<T>? Create<T>(ConverterContext<T> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.JsonCodec() is { } codec
            ? new JsonConverter<T>(codec, context.Settings)
            : null;
    }

    // Create<T> for any T, as a registered plugin's (ConverterPlugins).
    internal static IConverterCreator Creation { get; } = new Creator();

    private sealed class Creator : IConverterCreator
    {
        public IConverter<T>? Create<T>(ConverterContext<T> context) =>
            JsonConverterPlugin.Create(context);
    }
}
