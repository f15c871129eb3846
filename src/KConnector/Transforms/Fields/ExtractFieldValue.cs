using KConnector.Configuration;
using KConnector.Plugins;
using KConnector.Transforms.Builtin;

namespace KConnector.Transforms;

/// <summary>The descriptor of Kafka Connect's <c>ExtractField$Value</c>: replaces the value with one of its fields.</summary>
[ConnectPlugin(
    "KConnector.Transforms.ExtractFieldValue",
    PluginKind.Transformation,
    SchemalessRecordsOnly = true,
    Aliases = ["ExtractField$Value", "org.apache.kafka.connect.transforms.ExtractField$Value"],
    Description = "Extract the specified field from the record value and replace the entire value with it."
)]
[IncludeConfigKeys(typeof(ExtractFieldConfig))]
public static partial class ExtractFieldValue
{
    /// <summary>The transform for <paramref name="config"/>.</summary>
    public static ITransformation Create(ParsedConfig config) =>
        ExtractFieldConfig.Create(config, RecordPart.Value);
}
