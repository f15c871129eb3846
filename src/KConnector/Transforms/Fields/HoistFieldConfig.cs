using KConnector.Configuration;
using KConnector.Plugins;
using KConnector.Transforms.Builtin;

namespace KConnector.Transforms;

/// <summary>The keys of Kafka Connect's <c>HoistField</c>, shared by its <c>$Key</c> and <c>$Value</c> descriptors.</summary>
[ConfigKey(
    "field",
    ConfigType.String,
    Required = true,
    Importance = ConfigImportance.Medium,
    Group = "Transform",
    Documentation = "Field name for the single field that will be created in the resulting Struct or Map."
)]
internal static class HoistFieldConfig
{
    public static ITransformation Create(ParsedConfig config, RecordPart part)
    {
        ArgumentNullException.ThrowIfNull(config);
        return new HoistFieldTransformation(part, config.Get<string>("field")!);
    }
}
