using KConnector.Configuration;
using KConnector.Errors;
using KConnector.Plugins;

namespace KConnector.Transforms;

/// <summary>
/// A connector's <c>transforms</c> and <c>predicates</c> keys, validated as Kafka Connect's
/// <c>ConnectorConfig</c> does when it enriches its ConfigDef with each alias's keys: every alias
/// has a known <c>type</c>, its own keys pass the plugin's definition, a
/// <c>transforms.&lt;alias&gt;.predicate</c> names an alias of <c>predicates</c>, and each plugin
/// can be created (a regex compiles). A fault throws a <see cref="ConfigException"/> naming the
/// full key (e.g. <c>transforms.route.regex</c>), the key the build reports for the same spec.
/// </summary>
public sealed class TransformationsConfig
{
    private readonly IReadOnlyList<StageRecipe> _stages;
    private readonly IReadOnlyDictionary<string, PluginRecipe> _predicates;

    private TransformationsConfig(
        IReadOnlyList<StageRecipe> stages,
        IReadOnlyDictionary<string, PluginRecipe> predicates
    )
    {
        _stages = stages;
        _predicates = predicates;
    }

    /// <summary>No transforms.</summary>
    public static TransformationsConfig None { get; } =
        new([], new Dictionary<string, PluginRecipe>());

    /// <summary>The aliases of <c>transforms</c>, in order.</summary>
    public IReadOnlyList<string> Aliases => _stages.Select(s => s.Plugin.Alias).ToList();

    /// <summary>
    /// Whether a stage makes the record's key from its value (<c>ValueToKey</c>, Kafka Connect's
    /// "key from a value field"): the key's schema is then the chain's, derived from the value's.
    /// </summary>
    public bool MakesKeyFromValue =>
        _stages.Any(s => s.Plugin.Plugin.Descriptor == typeof(ValueToKey));

    /// <summary>Parses and validates the <c>transforms</c> and <c>predicates</c> keys of <paramref name="settings"/>.</summary>
    public static TransformationsConfig Parse(IReadOnlyDictionary<string, string> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var predicates = new Dictionary<string, PluginRecipe>(StringComparer.Ordinal);
        foreach (var alias in AliasList(settings, "predicates"))
        {
            predicates[alias] = PluginRecipe.Parse(
                settings,
                "predicates",
                alias,
                PluginKind.Predicate
            );
        }
        var stages = new List<StageRecipe>();
        foreach (var alias in AliasList(settings, "transforms"))
        {
            var plugin = PluginRecipe.Parse(
                settings,
                "transforms",
                alias,
                PluginKind.Transformation
            );
            var predicateKey = $"transforms.{alias}.predicate";
            var predicate = Value(settings, predicateKey);
            if (predicate is not null && !predicates.ContainsKey(predicate))
            {
                throw new ConfigException(
                    predicateKey,
                    $"Invalid value {predicate} for configuration {predicateKey}: the predicate \"{predicate}\" is not defined in predicates ({Listed(predicates.Keys)})"
                );
            }
            var negate = Negate(settings, alias, predicate);
            stages.Add(new StageRecipe(plugin, predicate, negate));
        }
        var config = new TransformationsConfig(stages, predicates);
        // Creating each plugin once checks what only its constructor can (a regex, a date format),
        // a predicate no transform uses included.
        foreach (var predicate in predicates.Values)
        {
            predicate.Create(r => r.Plugin.CreatePredicate!(r.Config));
        }
        config.CreateChain();
        return config;
    }

    /// <summary>A new chain (one per task, as Kafka Connect gives each task its own transform instances).</summary>
    public TransformationChain CreateChain()
    {
        if (_stages.Count == 0)
        {
            return TransformationChain.Empty;
        }
        var predicates = new Dictionary<string, IPredicate>(StringComparer.Ordinal);
        foreach (var (alias, recipe) in _predicates)
        {
            predicates[alias] = recipe.Create(r => r.Plugin.CreatePredicate!(r.Config));
        }
        var stages = new List<TransformationStage>(_stages.Count);
        foreach (var stage in _stages)
        {
            stages.Add(
                new TransformationStage(
                    stage.Plugin.Alias,
                    stage.Plugin.Plugin.Descriptor,
                    stage.Plugin.Create(r => r.Plugin.CreateTransformation!(r.Config)),
                    stage.Predicate is { } p ? predicates[p] : null,
                    stage.Negate
                )
            );
        }
        return new TransformationChain(stages);
    }

    private static bool Negate(
        IReadOnlyDictionary<string, string> settings,
        string alias,
        string? predicate
    )
    {
        var key = $"transforms.{alias}.negate";
        return Value(settings, key)?.ToLowerInvariant() switch
        {
            null => false,
            "true" when predicate is null => throw new ConfigException(
                key,
                $"Invalid value true for configuration {key}: negate needs transforms.{alias}.predicate"
            ),
            "true" => true,
            "false" => false,
            _ => throw new ConfigException(
                key,
                $"Invalid value {settings[key]} for configuration {key}: Expected value to be either true or false"
            ),
        };
    }

    private static List<string> AliasList(IReadOnlyDictionary<string, string> settings, string key)
    {
        var aliases = (Value(settings, key) ?? string.Empty)
            .Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .ToList();
        if (aliases.Distinct(StringComparer.Ordinal).Count() != aliases.Count)
        {
            throw new ConfigException(
                key,
                $"Invalid value {settings[key]} for configuration {key}: Duplicate alias provided."
            );
        }
        return aliases;
    }

    internal static string? Value(IReadOnlyDictionary<string, string> settings, string key) =>
        settings.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value)
            ? value.Trim()
            : null;

    internal static string Listed(IEnumerable<string> names) =>
        names.Any() ? string.Join(", ", names) : "none";

    private sealed record StageRecipe(PluginRecipe Plugin, string? Predicate, bool Negate);
}
