using KConnector.Configuration;
using KConnector.Configuration.Framework;
using KConnector.Connectors;
using KConnector.Converters;
using KConnector.Errors;
using KConnector.Generator.Connectors;
using KConnector.SchemaRegistry;
using KConnector.Worker;

namespace KConnector.GeneratedCode;

/// <summary>
/// What generated connector configs ask of the runtime beyond their keys' own rules: the
/// converters' settings, and the keys no definition knows (refused as a spec refuses them). The
/// road from a validated config to running tasks is <see cref="Hosting.ConnectorRegistration.ForValidated"/>
/// and the worker's <see cref="ConnectorConfig"/>.
/// </summary>
public static class ConnectorWorkerOptions
{
    // Prefixes a spec accepts beside the keys of its definition (KCN0202 otherwise): client
    // overrides (KIP-458, passed to librdkafka) and the converters' own settings.
    private static readonly string[] PassThroughPrefixes =
    [
        "producer.override.",
        "consumer.override.",
        "key.converter.",
        "value.converter.",
        // An alias's keys are checked against its transformation's definition by
        // TransformationsConfig when the worker parses the config (ConnectorConfig.Parse).
        "transforms.",
        "predicates.",
    ];

    /// <summary>
    /// The settings of the key (<paramref name="isKey"/>) or value converter: the config's
    /// <c>key.converter.*</c> / <c>value.converter.*</c> values with the prefix removed, as Kafka
    /// Connect's worker passes them. With no <c>schema.registry.url</c>, the in-memory registry
    /// <c>mock://kconnector</c> (<see cref="ConnectorEnvironment.DefaultRegistryScope"/>) is used.
    /// </summary>
    public static IReadOnlyDictionary<string, string> ConverterSettings(
        ParsedConfig config,
        bool isKey
    )
    {
        ArgumentNullException.ThrowIfNull(config);
        var settings = new Dictionary<string, string>(
            config.WithPrefix(isKey ? "key.converter." : "value.converter."),
            StringComparer.Ordinal
        );
        if (
            !settings.TryGetValue(SchemaRegistryConfig.UrlKey, out var url)
            || string.IsNullOrWhiteSpace(url)
        )
        {
            settings[SchemaRegistryConfig.UrlKey] =
                "mock://" + ConnectorEnvironment.DefaultRegistryScope;
        }
        return settings;
    }

    /// <summary>
    /// Adds to <paramref name="parsed"/>'s issues what the key and value converters would refuse in
    /// their settings (<c>key.converter.*</c> / <c>value.converter.*</c>: <c>schemas.enable</c>,
    /// <c>converter.encoding</c>, the subject name strategy, the Schema Registry's URL and auth),
    /// each under its full key, so that a bad one fails the config's validation (and a host's
    /// start) instead of the task when it first runs. Generated config classes call it.
    /// </summary>
    public static ParsedConfig CheckConverterSettings(ParsedConfig parsed)
    {
        ArgumentNullException.ThrowIfNull(parsed);
        var issues = new List<ConfigIssue>(parsed.Issues);
        AddUnknownKeys(parsed, issues);
        ConverterSettingChecks.CheckHeaderConverter(parsed, issues);
        foreach (var isKey in (bool[])[true, false])
        {
            var converterKey = isKey ? "key.converter" : "value.converter";
            ConverterSettingChecks.Check(parsed, converterKey, issues);
            var settings = ConverterSettings(parsed, isKey);
            try
            {
                // The named converter's own settings: another converter's are ignored (Connect).
                if (
                    parsed.Get<string>(converterKey) is { } named
                    && Converters.Plugins.ConverterPlugins.FindConverter(named) is { } converter
                )
                {
                    _ = ConverterConfig.From(
                        ConverterConfig.OwnSettings(settings, converter.Definition),
                        isKey
                    );
                }
                if (
                    parsed.Get<string>(converterKey) is { } className
                    && ConverterFactory.UsesSchemaRegistry(className)
                )
                {
                    _ = SchemaRegistryConfig.From(settings);
                }
            }
            catch (ConfigValueException e)
            {
                var key = converterKey + "." + e.Key;
                // Said once: the converter's definition may have refused the same value already.
                if (!issues.Any(i => i.Key == key))
                {
                    issues.Add(new ConfigIssue(key, e.Message));
                }
            }
        }
        return issues.Count == parsed.Issues.Count ? parsed : parsed.WithIssues(issues);
    }

    /// <summary>
    /// Refuses a key the connector's definition does not know, as a spec refuses it (KCN0202) and
    /// with its did-you-mean: a misspelt <c>--set</c> or appsettings key must not be accepted and
    /// ignored. Kafka Connect passes unknown keys to the connector; KConnector knows every key a
    /// connector reads, so an unknown one is a mistake.
    /// </summary>
    private static void AddUnknownKeys(ParsedConfig parsed, List<ConfigIssue> issues)
    {
        foreach (var (key, value) in parsed.Originals)
        {
            if (
                value is null
                || parsed.Definition.Find(key) is not null
                // A worker's key (offset.flush.interval.ms, producer.*...) given with a
                // connector's: the hosted worker reads it over the worker's settings.
                || ConnectorConfig.IsWorkerKey(key)
                || PassThroughPrefixes.Any(p =>
                    key.Length > p.Length && key.StartsWith(p, StringComparison.Ordinal)
                )
            )
            {
                continue;
            }
            // Read when a spec is compiled (the generated type of the key or value): a run-time
            // value would be accepted and do nothing.
            if (BuildTimeConfigDefinition.Definition.Find(key) is not null)
            {
                issues.Add(
                    new ConfigIssue(
                        key,
                        "is read when the spec is compiled (the generated type of the key or value); change it in the spec"
                    )
                );
                continue;
            }
            var candidates = parsed
                .Definition.Keys.Select(k => k.Name)
                .Concat(ConnectorConfig.WorkerKeyNames);
            issues.Add(
                new ConfigIssue(
                    key,
                    $"is not a key of the connector {parsed.Definition.ConnectorClass}.{EditDistance.Suggestion(key, candidates)}"
                )
            );
        }
    }
}
