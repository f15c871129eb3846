using KConnector.Configuration;
using KConnector.Errors;
using KConnector.Plugins;

namespace KConnector.Transforms;

/// <summary>
/// One alias of <c>transforms</c> or <c>predicates</c>: its plugin, found by
/// <c>&lt;prefix&gt;.&lt;alias&gt;.type</c>, and its own keys parsed with the plugin's definition.
/// </summary>
internal sealed record PluginRecipe(
    string Prefix,
    string Alias,
    TransformPlugin Plugin,
    ParsedConfig Config
)
{
    public static PluginRecipe Parse(
        IReadOnlyDictionary<string, string> settings,
        string prefix,
        string alias,
        PluginKind kind
    )
    {
        var typeKey = $"{prefix}.{alias}.type";
        var type =
            TransformationsConfig.Value(settings, typeKey)
            ?? throw new ConfigException(
                typeKey,
                $"Missing required configuration \"{typeKey}\" which has no default value."
            );
        var plugin =
            TransformPlugins.Find(type, kind)
            ?? throw new ConfigException(typeKey, UnknownType(typeKey, type, kind));
        var own = new Dictionary<string, string?>(StringComparer.Ordinal);
        var keyPrefix = $"{prefix}.{alias}.";
        foreach (var (key, value) in settings)
        {
            if (key.StartsWith(keyPrefix, StringComparison.Ordinal))
            {
                own[key[keyPrefix.Length..]] = value;
            }
        }
        var config = plugin.Definition.Parse(own);
        if (config.Issues.Count > 0)
        {
            var issue = config.Issues[0];
            throw new ConfigException(
                keyPrefix + issue.Key,
                $"Invalid configuration {keyPrefix + issue.Key} of {plugin.ClassName}: {issue.Message}"
            );
        }
        return new PluginRecipe(prefix, alias, plugin, config);
    }

    /// <summary>Creates the plugin; a config fault its constructor finds is reported under the full key.</summary>
    public T Create<T>(Func<PluginRecipe, T> create)
    {
        try
        {
            return create(this);
        }
        catch (ConfigException e) when (e.Key.Length > 0)
        {
            var key = $"{Prefix}.{Alias}.{e.Key}";
            throw new ConfigException(
                key,
                e.Message.Replace(
                    "configuration " + e.Key,
                    "configuration " + key,
                    StringComparison.Ordinal
                )
            );
        }
    }

    private static string UnknownType(string key, string type, PluginKind kind)
    {
        var names = TransformPlugins
            .All.Where(p => p.Kind == kind)
            .SelectMany(p => p.Aliases.Take(1));
        var message =
            $"Invalid value {type} for configuration {key}: Class {type} could not be found (known {(kind == PluginKind.Predicate ? "predicates" : "transformations")}: {TransformationsConfig.Listed(names)})";
        // Kafka Connect's field transforms (InsertField, Cast...) are named, not silently ignored.
        return type.StartsWith("org.apache.kafka.connect.transforms.", StringComparison.Ordinal)
            ? message
                + "; KConnector does not run this Kafka Connect transformation yet (docs/transforms.md)"
            : message;
    }
}
