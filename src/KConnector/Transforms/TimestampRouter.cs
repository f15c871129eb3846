using KConnector.Configuration;
using KConnector.Plugins;
using KConnector.Transforms.Builtin;

namespace KConnector.Transforms;

/// <summary>
/// The descriptor of Kafka Connect's <c>TimestampRouter</c>: routes a record to a topic named from
/// its topic and timestamp (e.g. a daily index or table).
/// </summary>
[ConnectPlugin(
    "KConnector.Transforms.TimestampRouter",
    PluginKind.Transformation,
    Aliases = ["TimestampRouter", "org.apache.kafka.connect.transforms.TimestampRouter"],
    Description = "Update the record's topic field as a function of the original topic value and the record timestamp."
)]
[ConfigKey(
    "topic.format",
    ConfigType.String,
    Default = "${topic}-${timestamp}",
    Importance = ConfigImportance.High,
    Group = "Transform",
    Documentation = "Format string which can contain ${topic} and ${timestamp} as placeholders for the topic and timestamp, respectively."
)]
[ConfigKey(
    "timestamp.format",
    ConfigType.String,
    Default = "yyyyMMdd",
    Importance = ConfigImportance.High,
    Group = "Transform",
    Documentation = "Format string for the timestamp that is compatible with java.text.SimpleDateFormat (formatted in UTC)."
)]
public static partial class TimestampRouter
{
    /// <summary>A router for <paramref name="config"/>; a timestamp format it cannot follow throws a <see cref="Errors.ConfigException"/> naming <c>timestamp.format</c>.</summary>
    public static ITransformation Create(ParsedConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return new TimestampRouterTransformation(
            config.Get<string>("topic.format") ?? "${topic}-${timestamp}",
            JavaDateFormat.ToDotNet(
                "timestamp.format",
                config.Get<string>("timestamp.format") ?? "yyyyMMdd"
            )
        );
    }
}
