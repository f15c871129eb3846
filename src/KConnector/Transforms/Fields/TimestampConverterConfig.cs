using KConnector.Configuration;
using KConnector.Errors;
using KConnector.Plugins;
using KConnector.Transforms.Builtin;

namespace KConnector.Transforms;

/// <summary>The keys of Kafka Connect's <c>TimestampConverter</c>, shared by its <c>$Key</c> and <c>$Value</c> descriptors.</summary>
[ConfigKey(
    "field",
    ConfigType.String,
    Default = "",
    Importance = ConfigImportance.High,
    Group = "Transform",
    Documentation = "The field containing the timestamp, or empty if the entire value is a timestamp."
)]
[ConfigKey(
    "target.type",
    ConfigType.String,
    Required = true,
    Importance = ConfigImportance.High,
    Group = "Transform",
    AllowedValues = ["string", "unix", "Date", "Time", "Timestamp"],
    Documentation = "The desired timestamp representation: string, unix, Date, Time, or Timestamp."
)]
[ConfigKey(
    "format",
    ConfigType.String,
    Default = "",
    Importance = ConfigImportance.Medium,
    Group = "Transform",
    Documentation = "A SimpleDateFormat-compatible format for the timestamp (in UTC). Used to generate the output when type=string or used to parse the input if the input is a string."
)]
[ConfigKey(
    "unix.precision",
    ConfigType.String,
    Default = "milliseconds",
    Importance = ConfigImportance.Low,
    Group = "Transform",
    AllowedValues = ["nanoseconds", "microseconds", "milliseconds", "seconds"],
    Documentation = "The desired Unix precision for the timestamp: seconds, milliseconds, microseconds, or nanoseconds. Used to generate the output when type=unix or used to parse the input if the input is a Long."
)]
[IncludeConfigKeys(typeof(ReplaceNullWithDefaultKey))]
internal static class TimestampConverterConfig
{
    public static ITransformation Create(ParsedConfig config, RecordPart part)
    {
        ArgumentNullException.ThrowIfNull(config);
        // The definition's allowed values match in any case; the transform compares Connect's spelling.
        var target = TargetTypes.First(t =>
            t.Equals(config.Get<string>("target.type"), StringComparison.OrdinalIgnoreCase)
        );
        var format = config.Get<string>("format") ?? string.Empty;
        if (target == "string" && format.Length == 0)
        {
            throw new ConfigException(
                "format",
                "TimestampConverter requires format option to be specified when using string timestamps"
            );
        }
        return new TimestampConverterTransformation(
            part,
            config.Get<string>("field") ?? string.Empty,
            target,
            format.Length == 0 ? null : JavaDateFormat.ToDotNet("format", format),
            UnixTicks(config.Get<string>("unix.precision"))
        );
    }

    private static readonly string[] TargetTypes = ["string", "unix", "Date", "Time", "Timestamp"];

    // Ticks (100 ns) per unit of unix.precision; nanoseconds are finer than a tick and truncate.
    private static double UnixTicks(string? precision) =>
        precision?.ToLowerInvariant() switch
        {
            "seconds" => TimeSpan.TicksPerSecond,
            "microseconds" => TimeSpan.TicksPerMicrosecond,
            "nanoseconds" => 0.01,
            _ => TimeSpan.TicksPerMillisecond,
        };
}
