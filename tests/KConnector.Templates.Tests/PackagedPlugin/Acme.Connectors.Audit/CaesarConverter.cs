using KConnector.Configuration;
using KConnector.Converters;
using KConnector.Plugins;

namespace Acme.Connectors.Audit;

/// <summary>A converter of the package: strings in a Caesar cipher, each letter shifted by <c>shift</c>.</summary>
[ConnectPlugin(
    "Acme.Connectors.Audit.CaesarConverter",
    PluginKind.Converter,
    Aliases = ["CaesarConverter", "Caesar"],
    Carries = ConverterRecordTypes.String
)]
[ConfigKey(
    "shift",
    ConfigType.Int,
    Default = "1",
    Min = 0,
    Max = 25,
    Documentation = "How far each letter is shifted."
)]
public static partial class CaesarConverter
{
    /// <summary>The converter for string keys and values; null for other types.</summary>
    public static IConverter<T>? Create<T>(ConverterContext<T> context) =>
        context.Carrying(() =>
            new CaesarStringConverter(context.Parse(Definition).Get<int>("shift"))
        );
}
