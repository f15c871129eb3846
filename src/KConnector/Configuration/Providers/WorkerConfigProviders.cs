using KConnector.Errors;
using KConnector.Generator.Connectors;

namespace KConnector.Configuration.Providers;

/// <summary>
/// The config providers a worker's settings ask for, as Kafka's <c>AbstractConfig</c> instantiates
/// them from <c>config.providers</c> (names), <c>config.providers.&lt;name&gt;.class</c> and
/// <c>config.providers.&lt;name&gt;.param.&lt;p&gt;</c>: the resolver every connector of the worker
/// resolves its <c>${name:path:key}</c> references with.
/// </summary>
/// <remarks>
/// Without <c>config.providers</c> KConnector keeps <c>env</c> and <c>file</c> (its behaviour before
/// the key was honoured, which specs and docs rely on); Kafka Connect has none then. An explicit
/// empty <c>config.providers=</c> gives none, as in Connect. A parameter the provider's descriptor
/// does not define is refused, where Connect passes it on unread: a mistyped
/// <c>param.allowed.path</c> must not silently open every path.
/// </remarks>
public static class WorkerConfigProviders
{
    /// <summary><c>config.providers</c>: the names of the worker's providers.</summary>
    public const string ProvidersKey = "config.providers";

    private const string Prefix = ProvidersKey + ".";

    /// <summary>Whether <paramref name="key"/> is <c>config.providers</c> or one provider's <c>.class</c> / <c>.param.*</c> key.</summary>
    public static bool IsProviderKey(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return key == ProvidersKey
            || (key.StartsWith(Prefix, StringComparison.Ordinal) && key.Length > Prefix.Length);
    }

    /// <summary><c>config.providers.&lt;name&gt;.class</c>.</summary>
    public static string ClassKey(string name) => Prefix + name + ".class";

    /// <summary><c>config.providers.&lt;name&gt;.param.</c>, the prefix of a provider's parameters.</summary>
    public static string ParamPrefix(string name) => Prefix + name + ".param.";

    /// <summary>
    /// The resolver <paramref name="workerSettings"/> ask for: <see cref="ConfigValueResolver.BuiltIn"/>
    /// without <c>config.providers</c>, else the providers it names, each created from its descriptor.
    /// </summary>
    /// <exception cref="ConfigException">
    /// A named provider has no class, an unknown class or a wrong parameter: the message lists every
    /// such issue, each naming its key (a parameter's value is never quoted).
    /// </exception>
    public static ConfigValueResolver CreateResolver(
        IReadOnlyDictionary<string, string> workerSettings
    )
    {
        ArgumentNullException.ThrowIfNull(workerSettings);
        if (!workerSettings.TryGetValue(ProvidersKey, out var names) || names is null)
        {
            return ConfigValueResolver.BuiltIn;
        }
        var issues = new List<ConfigIssue>();
        var providers = new Dictionary<string, IConfigProvider>(StringComparer.Ordinal);
        foreach (
            var name in names.Split(
                ',',
                StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries
            )
        )
        {
            if (Create(name, workerSettings, issues) is { } provider)
            {
                providers[name] = provider;
            }
        }
        if (issues.Count > 0)
        {
            throw new ConfigException(
                issues[0].Key,
                "The worker's config providers are invalid:"
                    + string.Concat(issues.Select(i => "\n  " + i))
            );
        }
        return new ConfigValueResolver(providers);
    }

    private static IConfigProvider? Create(
        string name,
        IReadOnlyDictionary<string, string> settings,
        List<ConfigIssue> issues
    )
    {
        var classKey = ClassKey(name);
        var className = settings.GetValueOrDefault(classKey)?.Trim();
        if (string.IsNullOrEmpty(className))
        {
            issues.Add(
                new ConfigIssue(
                    classKey,
                    $"a value is required: {ProvidersKey} names the provider '{name}'"
                )
            );
            return null;
        }
        if (ConfigProviderPlugins.Find(className) is not { } plugin)
        {
            var known = ConfigProviderPlugins.All.Select(p => p.ClassName).ToList();
            issues.Add(
                new ConfigIssue(
                    classKey,
                    $"{className} is not a config provider; expected one of {string.Join(", ", known)}.{EditDistance.Suggestion(className, ConfigProviderPlugins.All.SelectMany(p => p.Names))}"
                )
            );
            return null;
        }
        var prefix = ParamPrefix(name);
        var parameters = Parameters(prefix, plugin, settings, issues);
        var parsed = plugin.Definition.Parse(parameters);
        if (!parsed.IsValid)
        {
            issues.AddRange(parsed.Issues.Select(i => new ConfigIssue(prefix + i.Key, i.Message)));
            return null;
        }
        try
        {
            return plugin.Create(parsed);
        }
        catch (ConfigProviderException e)
        {
            // The parameter the provider refused, when its message names one.
            var key = plugin
                .Definition.Keys.Select(k => k.Name)
                .FirstOrDefault(k => e.Message.Contains(k, StringComparison.Ordinal));
            issues.Add(new ConfigIssue(key is null ? classKey : prefix + key, e.Message));
            return null;
        }
    }

    private static Dictionary<string, string?> Parameters(
        string prefix,
        ConfigProviderPlugin plugin,
        IReadOnlyDictionary<string, string> settings,
        List<ConfigIssue> issues
    )
    {
        var parameters = new Dictionary<string, string?>(StringComparer.Ordinal);
        var defined = plugin.Definition.Keys.Select(k => k.Name).ToList();
        foreach (var (key, value) in settings)
        {
            if (!key.StartsWith(prefix, StringComparison.Ordinal))
            {
                continue;
            }
            var parameter = key[prefix.Length..];
            if (!defined.Contains(parameter, StringComparer.Ordinal))
            {
                issues.Add(
                    new ConfigIssue(
                        key,
                        $"is not a parameter of {plugin.ClassName} (it takes {(defined.Count == 0 ? "none" : prefix + string.Join(", " + prefix, defined))}).{EditDistance.Suggestion(key, defined.Select(d => prefix + d))}"
                    )
                );
                continue;
            }
            parameters[parameter] = value;
        }
        return parameters;
    }
}
