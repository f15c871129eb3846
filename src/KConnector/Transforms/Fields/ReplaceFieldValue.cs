using KConnector.Configuration;
using KConnector.Plugins;
using KConnector.Transforms.Builtin;

namespace KConnector.Transforms;

/// <summary>The descriptor of Kafka Connect's <c>ReplaceField$Value</c>: keeps, drops and renames fields of the value.</summary>
[ConnectPlugin(
    "KConnector.Transforms.ReplaceFieldValue",
    PluginKind.Transformation,
    SchemalessRecordsOnly = true,
    Aliases = ["ReplaceField$Value", "org.apache.kafka.connect.transforms.ReplaceField$Value"],
    Description = "Filter or rename fields of the record value."
)]
[IncludeConfigKeys(typeof(ReplaceFieldConfig))]
public static partial class ReplaceFieldValue
{
    /// <summary>The transform for <paramref name="config"/>.</summary>
    public static ITransformation Create(ParsedConfig config) =>
        ReplaceFieldConfig.Create(config, RecordPart.Value);
}
