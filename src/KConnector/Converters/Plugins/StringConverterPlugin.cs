using KConnector.Configuration;
using KConnector.Plugins;

namespace KConnector.Converters.Plugins;

/// <summary>The descriptor of Kafka Connect's <c>StringConverter</c> (<see cref="StringConverter"/>): its class name and aliases, the types it carries and its config keys (given under <c>key.converter.*</c> / <c>value.converter.*</c>).</summary>
[ConnectPlugin(
    "org.apache.kafka.connect.storage.StringConverter",
    PluginKind.Converter,
    AlsoHeaderConverter = true,
    Aliases = ["StringConverter", "String"],
    Carries = ConverterRecordTypes.String | ConverterRecordTypes.PrimitiveText,
    Description = "Kafka Connect's string converter: strings in a character set (UTF-8 by default); a number, boolean or Timestamp/Date/Time a compiled chain makes as Java's toString()."
)]
[ConfigKey(
    "converter.encoding",
    ConfigType.String,
    Default = "UTF8",
    Importance = ConfigImportance.High,
    Group = "Converter",
    Documentation = "The name of the Java character set to use for encoding strings as byte arrays (UTF8, UTF-16, US-ASCII, ISO-8859-1...)."
)]
public static partial class StringConverterPlugin
{
    /// <summary>
    /// Kafka Connect's StringConverter for string keys and values in <c>converter.encoding</c>, and
    /// for a number, boolean, Timestamp, Date or Time a compiled chain makes (their Java
    /// <c>toString()</c>, as Connect's writes them); null for other types.
    /// </summary>
    public static IConverter<T>? Create<T>(ConverterContext<T> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Carrying(() => new StringConverter(context.Settings))
            ?? context.Formats.Text?.Invoke(context.Settings);
    }

    // Create<T> for any T, as a registered plugin's (ConverterPlugins).
    internal static IConverterCreator Creation { get; } = new Creator();

    private sealed class Creator : IConverterCreator
    {
        public IConverter<T>? Create<T>(ConverterContext<T> context) =>
            StringConverterPlugin.Create(context);
    }

    /// <summary>The header converter <c>header.converter</c> names it for.</summary>
    public static Headers.IHeaderConverter CreateHeaderConverter() => new StringConverter();
}
