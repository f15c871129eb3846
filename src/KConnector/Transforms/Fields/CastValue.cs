using KConnector.Configuration;
using KConnector.Plugins;
using KConnector.Transforms.Builtin;

namespace KConnector.Transforms;

/// <summary>The descriptor of Kafka Connect's <c>Cast$Value</c>: casts fields of the value, or the whole value, to another primitive type.</summary>
[ConnectPlugin(
    "KConnector.Transforms.CastValue",
    PluginKind.Transformation,
    SchemalessRecordsOnly = true,
    Aliases = ["Cast$Value", "org.apache.kafka.connect.transforms.Cast$Value"],
    Description = "Cast fields or the entire record value to a specific type, e.g. to force an integer field to a smaller width."
)]
[IncludeConfigKeys(typeof(CastConfig))]
public static partial class CastValue
{
    /// <summary>The transform for <paramref name="config"/>.</summary>
    public static ITransformation Create(ParsedConfig config) =>
        CastConfig.Create(config, RecordPart.Value);
}
