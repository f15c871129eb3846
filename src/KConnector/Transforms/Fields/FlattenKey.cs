using KConnector.Configuration;
using KConnector.Plugins;
using KConnector.Transforms.Builtin;

namespace KConnector.Transforms;

/// <summary>The descriptor of Kafka Connect's <c>Flatten$Key</c>: flattens nested objects of the key into one level.</summary>
[ConnectPlugin(
    "KConnector.Transforms.FlattenKey",
    PluginKind.Transformation,
    SchemalessRecordsOnly = true,
    Aliases = ["Flatten$Key", "org.apache.kafka.connect.transforms.Flatten$Key"],
    Description = "Flatten a nested data structure of the record key, generating names for each field by concatenating the field names at each level with a configurable delimiter character."
)]
[IncludeConfigKeys(typeof(FlattenConfig))]
public static partial class FlattenKey
{
    /// <summary>The transform for <paramref name="config"/>.</summary>
    public static ITransformation Create(ParsedConfig config) =>
        FlattenConfig.Create(config, RecordPart.Key);
}
