using Microsoft.Extensions.Configuration;

namespace KConnector.Rest.Server;

/// <summary>Worker keys from a configuration section, in Kafka Connect's dotted form.</summary>
internal static class WorkerSettings
{
    /// <summary>
    /// Every value of <paramref name="section"/> under its key relative to it, nested sections
    /// joined with dots (<c>"listeners.https": {"ssl.keystore.location": ...}</c> reads
    /// <c>listeners.https.ssl.keystore.location</c>).
    /// </summary>
    public static IReadOnlyDictionary<string, string> Flatten(IConfiguration section)
    {
        var settings = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in section.AsEnumerable(makePathsRelative: true))
        {
            if (value is not null)
            {
                settings[key.Replace(':', '.')] = value;
            }
        }
        return settings;
    }
}
