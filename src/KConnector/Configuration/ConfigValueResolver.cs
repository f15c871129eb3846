using System.Text.RegularExpressions;

namespace KConnector.Configuration;

/// <summary>
/// Replaces <c>${provider:path:key}</c> and <c>${provider:key}</c> references in config values with
/// what the named <see cref="IConfigProvider"/> returns, as Kafka's <c>ConfigTransformer</c> does
/// with the same pattern. <see cref="Default"/> knows <c>env</c> and <c>file</c>, so secrets can stay
/// out of spec files. A reference that cannot be resolved becomes an issue naming the config key and
/// the reference (never a resolved value); the key keeps its unresolved text.
/// </summary>
public sealed partial class ConfigValueResolver
{
    private readonly IReadOnlyDictionary<string, IConfigProvider> _providers;

    /// <summary>Creates a resolver over <paramref name="providers"/>, keyed by the name used in references.</summary>
    public ConfigValueResolver(IReadOnlyDictionary<string, IConfigProvider> providers)
    {
        ArgumentNullException.ThrowIfNull(providers);
        _providers = providers;
    }

    /// <summary>A resolver with <c>env</c> (<see cref="EnvironmentConfigProvider"/>) and <c>file</c> (<see cref="FileConfigProvider"/> from the current directory).</summary>
    public static ConfigValueResolver Default { get; } =
        new(
            new Dictionary<string, IConfigProvider>(StringComparer.Ordinal)
            {
                ["env"] = new EnvironmentConfigProvider(),
                ["file"] = new FileConfigProvider(),
            }
        );

    /// <summary>Resolves every value of <paramref name="values"/>; problems are added to <paramref name="issues"/>.</summary>
    public IReadOnlyDictionary<string, string?> Resolve(
        IReadOnlyDictionary<string, string?> values,
        List<ConfigIssue> issues
    )
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(issues);
        var result = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (key, value) in values)
        {
            result[key] =
                value is null || !value.Contains("${", StringComparison.Ordinal)
                    ? value
                    : ResolveOne(key, value, issues);
        }
        return result;
    }

    private string ResolveOne(string key, string value, List<ConfigIssue> issues) =>
        Reference()
            .Replace(
                value,
                match =>
                {
                    var provider = match.Groups["provider"].Value;
                    var path = match.Groups["path"].Success ? match.Groups["path"].Value : null;
                    var name = match.Groups["key"].Value;
                    if (!_providers.TryGetValue(provider, out var p))
                    {
                        issues.Add(
                            new ConfigIssue(
                                key,
                                $"{match.Value} names the config provider '{provider}', which is not registered (known: {string.Join(", ", _providers.Keys)})"
                            )
                        );
                        return match.Value;
                    }
                    try
                    {
                        return p.Get(path, name);
                    }
                    catch (ConfigProviderException e)
                    {
                        issues.Add(
                            new ConfigIssue(key, $"cannot resolve {match.Value}: {e.Message}")
                        );
                        return match.Value;
                    }
                }
            );

    // ConfigTransformer.DEFAULT_PATTERN: ${provider:[path:]key}
    [GeneratedRegex(
        @"\$\{(?<provider>[^}]*?):(?:(?<path>[^}]*?):)?(?<key>[^}]*?)\}",
        RegexOptions.CultureInvariant
    )]
    private static partial Regex Reference();
}
