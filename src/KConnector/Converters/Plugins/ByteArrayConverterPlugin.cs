using KConnector.Configuration;
using KConnector.Plugins;

namespace KConnector.Converters.Plugins;

/// <summary>The descriptor of Kafka Connect's <c>ByteArrayConverter</c> (<see cref="ByteArrayConverter"/>): its class name and aliases, the types it carries and its config keys (given under <c>key.converter.*</c> / <c>value.converter.*</c>).</summary>
[ConnectPlugin(
    "org.apache.kafka.connect.converters.ByteArrayConverter",
    PluginKind.Converter,
    AlsoHeaderConverter = true,
    Aliases = ["ByteArrayConverter", "ByteArray"],
    Carries = ConverterRecordTypes.Bytes,
    Description = "Kafka Connect's pass-through converter: byte arrays as they are."
)]
public static partial class ByteArrayConverterPlugin;
