using KConnector.Configuration;
using KConnector.Plugins;
using KConnector.Transforms.Builtin;

namespace KConnector.Transforms;

/// <summary>The descriptor of Kafka Connect's <c>InsertField$Key</c>: inserts the topic, partition, offset, timestamp or a static value as fields of the key.</summary>
[ConnectPlugin(
    "KConnector.Transforms.InsertFieldKey",
    PluginKind.Transformation,
    SchemalessRecordsOnly = true,
    Aliases = ["InsertField$Key", "org.apache.kafka.connect.transforms.InsertField$Key"],
    Description = "Insert field(s) into the record key using attributes from the record metadata or a configured static value."
)]
[IncludeConfigKeys(typeof(InsertFieldConfig))]
public static partial class InsertFieldKey
{
    /// <summary>The transform for <paramref name="config"/>.</summary>
    public static ITransformation Create(ParsedConfig config) =>
        InsertFieldConfig.Create(config, RecordPart.Key);
}
