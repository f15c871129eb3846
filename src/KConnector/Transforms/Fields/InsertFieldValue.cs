using KConnector.Configuration;
using KConnector.Plugins;
using KConnector.Transforms.Builtin;

namespace KConnector.Transforms;

/// <summary>The descriptor of Kafka Connect's <c>InsertField$Value</c>: inserts the topic, partition, offset, timestamp or a static value as fields of the value.</summary>
[ConnectPlugin(
    "KConnector.Transforms.InsertFieldValue",
    PluginKind.Transformation,
    SchemalessRecordsOnly = true,
    Aliases = ["InsertField$Value", "org.apache.kafka.connect.transforms.InsertField$Value"],
    Description = "Insert field(s) into the record value using attributes from the record metadata or a configured static value."
)]
[IncludeConfigKeys(typeof(InsertFieldConfig))]
public static partial class InsertFieldValue
{
    /// <summary>The transform for <paramref name="config"/>.</summary>
    public static ITransformation Create(ParsedConfig config) =>
        InsertFieldConfig.Create(config, RecordPart.Value);
}
