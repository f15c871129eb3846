using KConnector.Configuration;
using KConnector.Converters.Plugins;

namespace KConnector.GeneratedCode;

/// <summary>
/// The settings a config gives its key or value converter (<c>key.converter.*</c>), checked against
/// that converter's own definition as Kafka Connect's worker hands them to the converter's
/// <c>ConfigDef</c>: a key no converter has is refused with a did-you-mean (a misspelt
/// <c>value.converter.schemas.enabled</c> would otherwise be ignored), a key another converter has is
/// ignored as Kafka Connect's converters ignore it, a value of the wrong type or range is refused
/// under its full key. The generator reports the same at build time (KCN0280).
/// </summary>
internal static class ConverterSettingChecks
{
    public static void Check(ParsedConfig parsed, string converterKey, List<ConfigIssue> issues)
    {
        if (
            parsed.Get<string>(converterKey) is not { } name
            || ConverterPlugins.FindConverter(name) is not { } converter
        )
        {
            // No converter or an unknown one: the converter key's own check says so.
            return;
        }
        var prefix = converterKey + ".";
        var given = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (key, value) in parsed.Originals)
        {
            if (
                value is null
                || !key.StartsWith(prefix, StringComparison.Ordinal)
                || key.Length == prefix.Length
            )
            {
                continue;
            }
            var setting = key[prefix.Length..];
            if (converter.Definition.Find(setting) is null)
            {
                // Kafka Connect hands every key.converter.* to the converter, which ignores what it
                // does not define: a setting of another converter (schema.registry.url left from
                // an AvroConverter after switching to JsonConverter) is ignored here too. One that
                // no converter defines is a typo, refused with a did-you-mean.
                if (!IsAnotherConvertersSetting(setting))
                {
                    issues.Add(new ConfigIssue(key, Unknown(converter, setting, prefix)));
                }
                continue;
            }
            given[setting] = value;
        }
        foreach (var issue in converter.Definition.Parse(given).Issues)
        {
            issues.Add(new ConfigIssue(prefix + issue.Key, issue.Message));
        }
    }

    /// <summary>
    /// <c>header.converter</c> names a header converter (class name or alias): the SimpleHeaderConverter,
    /// or a converter that is also one. The generator reports the same at build time (KCN0270).
    /// </summary>
    public static void CheckHeaderConverter(ParsedConfig parsed, List<ConfigIssue> issues)
    {
        const string key = "header.converter";
        if (
            parsed.Get<string>(key) is { } name
            && name.Trim().Length > 0
            && ConverterPlugins.FindHeaderConverter(name) is null
        )
        {
            var names = ConverterPlugins.HeaderConverters.SelectMany(p => p.Names);
            issues.Add(
                new ConfigIssue(
                    key,
                    $"{name} is not a header converter; expected one of {string.Join(", ", ConverterPlugins.HeaderConverters.Select(p => p.ClassName))}.{Generator.Connectors.EditDistance.Suggestion(name, names)}"
                )
            );
        }
    }

    /// <summary>Whether a converter other than the one named defines <paramref name="setting"/>.</summary>
    internal static bool IsAnotherConvertersSetting(string setting) =>
        ConverterPlugins.Converters.Any(c => c.Definition.Find(setting) is not null);

    private static string Unknown(ConverterPlugin converter, string setting, string prefix)
    {
        var keys = converter.Definition.Keys.Select(k => k.Name).ToList();
        return keys.Count == 0
            ? $"is not a setting of {converter.ClassName}, which takes none"
            : $"is not a setting of {converter.ClassName} (it takes {prefix}{string.Join(", " + prefix, keys)}).{Generator.Connectors.EditDistance.Suggestion(prefix + setting, keys.Select(k => prefix + k))}";
    }
}
