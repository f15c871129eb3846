using KConnector.Configuration;
using KConnector.Plugins;
using KConnector.Transforms.Builtin;

namespace KConnector.Transforms;

/// <summary>The descriptor of Kafka Connect's <c>HoistField$Key</c>: wraps the key in an object with one field.</summary>
[ConnectPlugin(
    "KConnector.Transforms.HoistFieldKey",
    PluginKind.Transformation,
    SchemalessRecordsOnly = true,
    Aliases = ["HoistField$Key", "org.apache.kafka.connect.transforms.HoistField$Key"],
    Description = "Wrap the record key in a struct or map with the specified field name."
)]
[IncludeConfigKeys(typeof(HoistFieldConfig))]
public static partial class HoistFieldKey
{
    /// <summary>The transform for <paramref name="config"/>.</summary>
    public static ITransformation Create(ParsedConfig config) =>
        HoistFieldConfig.Create(config, RecordPart.Key);
}
