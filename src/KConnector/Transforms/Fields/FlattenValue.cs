using KConnector.Configuration;
using KConnector.Plugins;
using KConnector.Transforms.Builtin;

namespace KConnector.Transforms;

/// <summary>The descriptor of Kafka Connect's <c>Flatten$Value</c>: flattens nested objects of the value into one level.</summary>
[ConnectPlugin(
    "KConnector.Transforms.FlattenValue",
    PluginKind.Transformation,
    SchemalessRecordsOnly = true,
    Aliases = ["Flatten$Value", "org.apache.kafka.connect.transforms.Flatten$Value"],
    Description = "Flatten a nested data structure of the record value, generating names for each field by concatenating the field names at each level with a configurable delimiter character."
)]
[IncludeConfigKeys(typeof(FlattenConfig))]
public static partial class FlattenValue
{
    /// <summary>The transform for <paramref name="config"/>.</summary>
    public static ITransformation Create(ParsedConfig config) =>
        FlattenConfig.Create(config, RecordPart.Value);
}
