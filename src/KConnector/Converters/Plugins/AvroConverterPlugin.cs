using KConnector.Configuration;
using KConnector.Plugins;

namespace KConnector.Converters.Plugins;

/// <summary>The descriptor of Confluent's <c>AvroConverter</c> (<see cref="AvroConverter{T}"/>): its class name and aliases, the types it carries and its config keys (given under <c>key.converter.*</c> / <c>value.converter.*</c>).</summary>
[ConnectPlugin(
    "io.confluent.connect.avro.AvroConverter",
    PluginKind.Converter,
    Aliases = ["AvroConverter", "Avro"],
    Carries = ConverterRecordTypes.AvroRecord
        | ConverterRecordTypes.OwnFormats
        | ConverterRecordTypes.ConnectPrimitive,
    Description = "Confluent's Avro converter: records generated from .avsc files in Confluent's wire format (magic byte, schema id), schemas registered in Schema Registry."
)]
[IncludeConfigKeys(typeof(SchemaRegistryConverterKeys))]
public static partial class AvroConverterPlugin
{
    /// <summary>Confluent's Avro converter for a type generated from an .avsc file (or one that writes its own Avro), with a Schema Registry client; null for other types.</summary>
    public static IConverter<T>? Create<T>(ConverterContext<T> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.WithRegistry(context.Formats.Avro);
    }

    // Create<T> for any T, as a registered plugin's (ConverterPlugins).
    internal static IConverterCreator Creation { get; } = new Creator();

    private sealed class Creator : IConverterCreator
    {
        public IConverter<T>? Create<T>(ConverterContext<T> context) =>
            AvroConverterPlugin.Create(context);
    }
}
