using KConnector.Configuration;
using KConnector.Plugins;

namespace KConnector.Converters.Plugins;

/// <summary>The descriptor of Kafka Connect's <c>SimpleHeaderConverter</c> (<see cref="Headers.SimpleHeaderConverter"/>): its class name and aliases, the types it carries and its config keys (given under <c>key.converter.*</c> / <c>value.converter.*</c>).</summary>
[ConnectPlugin(
    "org.apache.kafka.connect.storage.SimpleHeaderConverter",
    PluginKind.HeaderConverter,
    Aliases = ["SimpleHeaderConverter", "SimpleHeader"],
    Carries = ConverterRecordTypes.String | ConverterRecordTypes.Bytes,
    Description = "Kafka Connect's default header converter: header values as their string form in UTF-8, parsed back into the type they look like."
)]
public static partial class SimpleHeaderConverterPlugin
{
    /// <summary>The header converter <c>header.converter</c> names it for.</summary>
    public static Headers.IHeaderConverter CreateHeaderConverter() =>
        new Headers.SimpleHeaderConverter();
}
