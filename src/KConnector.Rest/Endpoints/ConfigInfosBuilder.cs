using KConnector.Configuration;
using KConnector.Rest.Model;

namespace KConnector.Rest.Endpoints;

/// <summary>
/// Kafka Connect's validation answer (<c>AbstractHerder.generateResult</c>) from a plugin's own
/// definition: every key with its definition, the value given (or its default; secrets
/// <c>[hidden]</c>) and its errors; a key not defined but at fault gets an entry too, so that
/// <c>error_count</c> always equals the errors listed.
/// </summary>
internal static class ConfigInfosBuilder
{
    public static ConfigInfos Build(
        ConnectorPlugin plugin,
        IReadOnlyDictionary<string, string> config,
        IReadOnlyList<ConfigIssue> issues
    )
    {
        var errors = issues
            .GroupBy(
                i => string.IsNullOrEmpty(i.Key) ? "connector.class" : i.Key,
                StringComparer.Ordinal
            )
            .ToDictionary(
                g => g.Key,
                g => g.Select(i => i.Message).ToList(),
                StringComparer.Ordinal
            );
        var keys = plugin.Definition.Keys;
        var configs = keys.Select((key, index) => Entry(key, Order(keys, key), config, errors))
            .ToList();
        foreach (var (key, messages) in errors.Where(e => plugin.Definition.Find(e.Key) is null))
        {
            var undefined = new ConfigKey
            {
                Name = key,
                Type = ConfigType.String,
                Group = "Common",
            };
            configs.Add(
                new ConfigInfo(
                    Definition(undefined, 0),
                    new ConfigValueInfo(key, Shown(undefined, config), [], messages, true)
                )
            );
        }
        return new ConfigInfos(
            plugin.ClassName,
            configs.Sum(c => c.Value.Errors.Count),
            [.. keys.Select(k => k.Group).Distinct(StringComparer.Ordinal)],
            configs
        );
    }

    private static int Order(IReadOnlyList<ConfigKey> keys, ConfigKey key) =>
        keys.Where(k => k.Group == key.Group).ToList().IndexOf(key) + 1;

    private static ConfigInfo Entry(
        ConfigKey key,
        int order,
        IReadOnlyDictionary<string, string> config,
        Dictionary<string, List<string>> errors
    ) =>
        new(
            Definition(key, order),
            new ConfigValueInfo(
                key.Name,
                Shown(key, config),
                key.RecommendedValues ?? key.OneOf ?? [],
                errors.GetValueOrDefault(key.Name) ?? [],
                true
            )
        );

    private static string? Shown(ConfigKey key, IReadOnlyDictionary<string, string> config)
    {
        var value = config.TryGetValue(key.Name, out var given) ? given : key.DefaultValue;
        return value is not null && key.IsSecret ? Password.Hidden
            : value is null ? null
            : UrlRedaction.RedactIn(value);
    }

    /// <summary>A key's definition as Kafka Connect's <c>ConfigKeyInfo</c>.</summary>
    public static ConfigKeyInfo Definition(ConfigKey key, int order) =>
        new(
            key.Name,
            key.Type.ToString().ToUpperInvariant(),
            key.Required,
            key.Required ? null : key.DefaultValue ?? string.Empty,
            key.Importance.ToString().ToUpperInvariant(),
            key.Documentation,
            key.Group,
            order,
            "NONE",
            key.Name,
            []
        );
}
