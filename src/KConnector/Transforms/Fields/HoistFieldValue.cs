using KConnector.Configuration;
using KConnector.Plugins;
using KConnector.Transforms.Builtin;

namespace KConnector.Transforms;

/// <summary>The descriptor of Kafka Connect's <c>HoistField$Value</c>: wraps the value in an object with one field.</summary>
[ConnectPlugin(
    "KConnector.Transforms.HoistFieldValue",
    PluginKind.Transformation,
    SchemalessRecordsOnly = true,
    Aliases = ["HoistField$Value", "org.apache.kafka.connect.transforms.HoistField$Value"],
    Description = "Wrap the record value in a struct or map with the specified field name."
)]
[IncludeConfigKeys(typeof(HoistFieldConfig))]
public static partial class HoistFieldValue
{
    /// <summary>The transform for <paramref name="config"/>.</summary>
    public static ITransformation Create(ParsedConfig config) =>
        HoistFieldConfig.Create(config, RecordPart.Value);
}
