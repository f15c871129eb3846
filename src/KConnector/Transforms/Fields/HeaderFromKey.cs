using KConnector.Configuration;
using KConnector.Plugins;
using KConnector.Transforms.Builtin;

namespace KConnector.Transforms;

/// <summary>The descriptor of Kafka Connect's <c>HeaderFrom$Key</c>: moves or copies fields of the key into headers.</summary>
[ConnectPlugin(
    "KConnector.Transforms.HeaderFromKey",
    PluginKind.Transformation,
    SchemalessRecordsOnly = true,
    Aliases = ["HeaderFrom$Key", "org.apache.kafka.connect.transforms.HeaderFrom$Key"],
    Description = "Moves or copies fields in the record key into the record's headers."
)]
[IncludeConfigKeys(typeof(HeaderFromConfig))]
public static partial class HeaderFromKey
{
    /// <summary>The transform for <paramref name="config"/>.</summary>
    public static ITransformation Create(ParsedConfig config) =>
        HeaderFromConfig.Create(config, RecordPart.Key);
}
