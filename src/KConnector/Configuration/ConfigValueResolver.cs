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

    // The resolver of the worker that is checking a connector's config on this flow (set around
    // ConnectorRegistration.Check): the generated registration parses the connector's values there
    // through Default, so the worker's config.providers reach every road without a resolver
    // threaded through generated code.
    private static readonly AsyncLocal<ConfigValueResolver?> WorkerScoped = new();

    /// <summary>
    /// A resolver with <c>env</c> (<see cref="EnvironmentConfigProvider"/>) and <c>file</c>
    /// (<see cref="FileConfigProvider"/> from the current directory): what a worker whose settings
    /// give no <c>config.providers</c> resolves references with.
    /// </summary>
    public static ConfigValueResolver BuiltIn { get; } =
        new(
            new Dictionary<string, IConfigProvider>(StringComparer.Ordinal)
            {
                ["env"] = new EnvironmentConfigProvider(),
                ["file"] = new FileConfigProvider(),
            }
        );

    /// <summary>
    /// While a worker checks a connector's config: the resolver of the worker's
    /// <c>config.providers</c> (<see cref="Providers.WorkerConfigProviders"/>); otherwise
    /// <see cref="BuiltIn"/>.
    /// </summary>
    public static ConfigValueResolver Default => WorkerScoped.Value ?? BuiltIn;

    /// <summary>The provider names references may use, in order.</summary>
    public IEnumerable<string> ProviderNames => _providers.Keys;

    /// <summary>Makes <paramref name="resolver"/> the <see cref="Default"/> of the calling flow until disposed.</summary>
    internal static IDisposable UseForWorker(ConfigValueResolver resolver)
    {
        var previous = WorkerScoped.Value;
        WorkerScoped.Value = resolver;
        return new Restore(previous);
    }

    private sealed class Restore(ConfigValueResolver? previous) : IDisposable
    {
        public void Dispose() => WorkerScoped.Value = previous;
    }

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
                                $"{match.Value} names the config provider '{provider}', which is not registered (known: {(_providers.Count == 0 ? "none" : string.Join(", ", _providers.Keys))}; a worker registers providers with config.providers)"
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
