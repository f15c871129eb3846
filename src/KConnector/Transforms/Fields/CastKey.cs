using KConnector.Configuration;
using KConnector.Plugins;
using KConnector.Transforms.Builtin;

namespace KConnector.Transforms;

/// <summary>The descriptor of Kafka Connect's <c>Cast$Key</c>: casts fields of the key, or the whole key, to another primitive type.</summary>
[ConnectPlugin(
    "KConnector.Transforms.CastKey",
    PluginKind.Transformation,
    SchemalessRecordsOnly = true,
    Aliases = ["Cast$Key", "org.apache.kafka.connect.transforms.Cast$Key"],
    Description = "Cast fields or the entire record key to a specific type, e.g. to force an integer field to a smaller width."
)]
[IncludeConfigKeys(typeof(CastConfig))]
public static partial class CastKey
{
    /// <summary>The transform for <paramref name="config"/>.</summary>
    public static ITransformation Create(ParsedConfig config) =>
        CastConfig.Create(config, RecordPart.Key);
}
