using KConnector.Configuration;
using KConnector.Plugins;
using KConnector.Transforms.Builtin;

namespace KConnector.Transforms;

/// <summary>The keys of Kafka Connect's <c>Flatten</c>, shared by its <c>$Key</c> and <c>$Value</c> descriptors.</summary>
[ConfigKey(
    "delimiter",
    ConfigType.String,
    Default = ".",
    Importance = ConfigImportance.Medium,
    Group = "Transform",
    Documentation = "Delimiter to insert between field names from the input record when generating field names for the output record."
)]
internal static class FlattenConfig
{
    public static ITransformation Create(ParsedConfig config, RecordPart part)
    {
        ArgumentNullException.ThrowIfNull(config);
        return new FlattenTransformation(part, config.Get<string>("delimiter") ?? ".");
    }
}
