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
public static partial class ByteArrayConverterPlugin
{
    /// <summary>Kafka Connect's ByteArrayConverter for byte[] keys and values; null for other types.</summary>
    public static IConverter<T>? Create<T>(ConverterContext<T> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Carrying(static () => new ByteArrayConverter());
    }

    // Create<T> for any T, as a registered plugin's (ConverterPlugins).
    internal static IConverterCreator Creation { get; } = new Creator();

    private sealed class Creator : IConverterCreator
    {
        public IConverter<T>? Create<T>(ConverterContext<T> context) =>
            ByteArrayConverterPlugin.Create(context);
    }

    /// <summary>The header converter <c>header.converter</c> names it for.</summary>
    public static Headers.IHeaderConverter CreateHeaderConverter() => new ByteArrayConverter();
}
