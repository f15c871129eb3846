using KConnector.Configuration;
using KConnector.Plugins;

namespace KConnector.Converters.Plugins;

/// <summary>The descriptor of Confluent's <c>ProtobufConverter</c> (<see cref="ProtobufConverter{T}"/>): its class name and aliases, the types it carries and its config keys (given under <c>key.converter.*</c> / <c>value.converter.*</c>).</summary>
[ConnectPlugin(
    "io.confluent.connect.protobuf.ProtobufConverter",
    PluginKind.Converter,
    Aliases = ["ProtobufConverter", "Protobuf"],
    Carries = ConverterRecordTypes.ProtobufMessage,
    Description = "Confluent's Protobuf converter: protoc-generated messages in Confluent's wire format (magic byte, schema id, message indexes), schemas registered in Schema Registry."
)]
[IncludeConfigKeys(typeof(SchemaRegistryConverterKeys))]
public static partial class ProtobufConverterPlugin
{
    /// <summary>Confluent's Protobuf converter for a protoc-generated message, with a Schema Registry client; null for other types.</summary>
    public static IConverter<T>? Create<T>(ConverterContext<T> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.WithRegistry(context.Formats.Protobuf);
    }

    // Create<T> for any T, as a registered plugin's (ConverterPlugins).
    internal static IConverterCreator Creation { get; } = new Creator();

    private sealed class Creator : IConverterCreator
    {
        public IConverter<T>? Create<T>(ConverterContext<T> context) =>
            ProtobufConverterPlugin.Create(context);
    }
}
