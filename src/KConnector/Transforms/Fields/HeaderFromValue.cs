using KConnector.Configuration;
using KConnector.Plugins;
using KConnector.Transforms.Builtin;

namespace KConnector.Transforms;

/// <summary>The descriptor of Kafka Connect's <c>HeaderFrom$Value</c>: moves or copies fields of the value into headers.</summary>
[ConnectPlugin(
    "KConnector.Transforms.HeaderFromValue",
    PluginKind.Transformation,
    SchemalessRecordsOnly = true,
    Aliases = ["HeaderFrom$Value", "org.apache.kafka.connect.transforms.HeaderFrom$Value"],
    Description = "Moves or copies fields in the record value into the record's headers."
)]
[IncludeConfigKeys(typeof(HeaderFromConfig))]
public static partial class HeaderFromValue
{
    /// <summary>The transform for <paramref name="config"/>.</summary>
    public static ITransformation Create(ParsedConfig config) =>
        HeaderFromConfig.Create(config, RecordPart.Value);
}
