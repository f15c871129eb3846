using KConnector.Configuration;
using KConnector.Errors;
using KConnector.Plugins;
using KConnector.Transforms.Builtin;

namespace KConnector.Transforms;

/// <summary>The descriptor of Kafka Connect's <c>ValueToKey</c>: replaces the key with an object of fields of the value.</summary>
[ConnectPlugin(
    "KConnector.Transforms.ValueToKey",
    PluginKind.Transformation,
    SchemalessRecordsOnly = true,
    Aliases = ["ValueToKey", "org.apache.kafka.connect.transforms.ValueToKey"],
    Description = "Replace the record key with a new key formed from a subset of fields in the record value."
)]
[ConfigKey(
    "fields",
    ConfigType.List,
    Required = true,
    Importance = ConfigImportance.High,
    Group = "Transform",
    Documentation = "Field names on the record value to extract as the record key."
)]
[IncludeConfigKeys(typeof(ReplaceNullWithDefaultKey))]
public static partial class ValueToKey
{
    /// <summary>The transform for <paramref name="config"/>; an empty <c>fields</c> throws a <see cref="ConfigException"/> naming it.</summary>
    public static ITransformation Create(ParsedConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var fields = config.Get<IReadOnlyList<string>>("fields") ?? [];
        if (fields.Count == 0)
        {
            throw new ConfigException(
                "fields",
                "Invalid value [] for configuration fields: Empty list"
            );
        }
        return new ValueToKeyTransformation(fields);
    }
}
