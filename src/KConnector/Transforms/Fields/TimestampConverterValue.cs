using KConnector.Configuration;
using KConnector.Plugins;
using KConnector.Transforms.Builtin;

namespace KConnector.Transforms;

/// <summary>The descriptor of Kafka Connect's <c>TimestampConverter$Value</c>: converts a timestamp field of the value, or the whole value, between formats.</summary>
[ConnectPlugin(
    "KConnector.Transforms.TimestampConverterValue",
    PluginKind.Transformation,
    SchemalessRecordsOnly = true,
    Aliases = [
        "TimestampConverter$Value",
        "org.apache.kafka.connect.transforms.TimestampConverter$Value",
    ],
    Description = "Convert timestamps of the record value between different formats such as Unix epoch, strings, and Connect Date/Timestamp types."
)]
[IncludeConfigKeys(typeof(TimestampConverterConfig))]
public static partial class TimestampConverterValue
{
    /// <summary>The transform for <paramref name="config"/>.</summary>
    public static ITransformation Create(ParsedConfig config) =>
        TimestampConverterConfig.Create(config, RecordPart.Value);
}
