using KConnector.Configuration;
using KConnector.Plugins;
using KConnector.Transforms.Builtin;

namespace KConnector.Transforms;

/// <summary>The descriptor of Kafka Connect's <c>TimestampConverter$Key</c>: converts a timestamp field of the key, or the whole key, between formats.</summary>
[ConnectPlugin(
    "KConnector.Transforms.TimestampConverterKey",
    PluginKind.Transformation,
    SchemalessRecordsOnly = true,
    Aliases = [
        "TimestampConverter$Key",
        "org.apache.kafka.connect.transforms.TimestampConverter$Key",
    ],
    Description = "Convert timestamps of the record key between different formats such as Unix epoch, strings, and Connect Date/Timestamp types."
)]
[IncludeConfigKeys(typeof(TimestampConverterConfig))]
public static partial class TimestampConverterKey
{
    /// <summary>The transform for <paramref name="config"/>.</summary>
    public static ITransformation Create(ParsedConfig config) =>
        TimestampConverterConfig.Create(config, RecordPart.Key);
}
