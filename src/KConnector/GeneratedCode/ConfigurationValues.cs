using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace KConnector.GeneratedCode;

/// <summary>
/// Flattens an <see cref="IConfiguration"/> section into Kafka-style keys: <c>"tasks.max": 2</c> and
/// <c>"tasks": { "max": 2 }</c> both give <c>tasks.max</c>, so appsettings.json can hold a connector's
/// config as Kafka Connect writes it.
/// </summary>
public static class ConfigurationValues
{
    /// <summary>The section's values under Kafka-style keys, over <paramref name="defaults"/> (e.g. a spec's values).</summary>
    public static IReadOnlyDictionary<string, string?> Flatten(
        IConfiguration configuration,
        IReadOnlyDictionary<string, string?>? defaults = null
    )
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var result = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (defaults is not null)
        {
            foreach (var (key, value) in defaults)
            {
                result[key] = value;
            }
        }
        Add(configuration, string.Empty, result, depth: 0);
        return result;
    }

    private static void Add(
        IConfiguration section,
        string prefix,
        Dictionary<string, string?> result,
        int depth
    )
    {
        if (depth > 16)
        {
            return;
        }
        var children = section.GetChildren().ToList();
        // A JSON array ("topics": ["a", "b"]) arrives as children 0, 1, ...: a Kafka LIST is "a,b".
        if (
            prefix.Length > 0
            && children.Count > 0
            && children.All(c => c.Value is not null && int.TryParse(c.Key, out _))
        )
        {
            result[prefix] = string.Join(
                ",",
                children
                    .OrderBy(c => int.Parse(c.Key, CultureInfo.InvariantCulture))
                    .Select(c => c.Value)
            );
            return;
        }
        foreach (var child in children)
        {
            var key = prefix.Length == 0 ? child.Key : prefix + "." + child.Key;
            if (child.Value is not null)
            {
                result[key] = child.Value;
            }
            Add(child, key, result, depth + 1);
        }
    }
}
