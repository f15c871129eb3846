using KConnector.Configuration;
using KConnector.Connectors;
using KConnector.Converters;
using KConnector.Errors;
using KConnector.SchemaRegistry;
using KConnector.Worker;
using Microsoft.Extensions.Logging;

namespace KConnector.GeneratedCode;

/// <summary>
/// Turns a validated connector config into the runners' <see cref="WorkerOptions"/>: the name, the
/// brokers, the topics, and the client overrides (<c>producer.override.*</c> for a source,
/// <c>consumer.override.*</c> for a sink, Kafka Connect's per-connector client overrides, KIP-458).
/// </summary>
public static class ConnectorWorkerOptions
{
    /// <summary>Options for a source connector's runner.</summary>
    public static WorkerOptions ForSource(
        ParsedConfig config,
        string bootstrapServers,
        ILogger logger
    )
    {
        ArgumentNullException.ThrowIfNull(config);
        WarnAboutTasks(config, logger);
        return new WorkerOptions
        {
            Name = config.Get<string>("name") ?? string.Empty,
            BootstrapServers = bootstrapServers,
            ClientConfig = config.WithPrefix("producer.override."),
            Errors = ErrorHandling(config),
        };
    }

    /// <summary>Options for a sink connector's runner; <c>topics.regex</c> becomes a librdkafka <c>^regex</c> subscription.</summary>
    public static WorkerOptions ForSink(
        ParsedConfig config,
        string bootstrapServers,
        ILogger logger
    )
    {
        ArgumentNullException.ThrowIfNull(config);
        WarnAboutTasks(config, logger);
        var client = new Dictionary<string, string>(
            config.WithPrefix("consumer.override."),
            StringComparer.Ordinal
        );
        // max.poll.records is a Java consumer setting librdkafka does not know: the runner applies it.
        var maxPollRecords = 500;
        if (
            client.Remove("max.poll.records", out var max)
            && int.TryParse(max, System.Globalization.CultureInfo.InvariantCulture, out var parsed)
            && parsed > 0
        )
        {
            maxPollRecords = parsed;
        }
        var topics = config.Get<IReadOnlyList<string>>("topics") ?? [];
        var regex = config.Get<string>("topics.regex");
        if (topics.Count == 0 && !string.IsNullOrWhiteSpace(regex))
        {
            topics = [regex.StartsWith('^') ? regex : "^" + regex];
        }
        return new WorkerOptions
        {
            Name = config.Get<string>("name") ?? string.Empty,
            BootstrapServers = bootstrapServers,
            Topics = topics,
            MaxPollRecords = maxPollRecords,
            ClientConfig = client,
            Errors = ErrorHandling(config),
        };
    }

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
        foreach (var isKey in (bool[])[true, false])
        {
            var converterKey = isKey ? "key.converter" : "value.converter";
            var settings = ConverterSettings(parsed, isKey);
            try
            {
                _ = ConverterConfig.From(settings, isKey);
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
                issues.Add(new ConfigIssue(converterKey + "." + e.Key, e.Message));
            }
        }
        return issues.Count == parsed.Issues.Count ? parsed : parsed.WithIssues(issues);
    }

    /// <summary>
    /// The errors.* keys (tolerance, retries, logging, dead-letter queue) as the runners apply them,
    /// parsed by the worker's own <see cref="ConnectorConfig"/> so that both read them identically.
    /// </summary>
    private static ErrorHandlingOptions ErrorHandling(ParsedConfig config)
    {
        var settings = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["name"] = config.Get<string>("name") ?? "connector",
        };
        foreach (var (key, value) in config.Originals)
        {
            if (key.StartsWith("errors.", StringComparison.Ordinal) && value is not null)
            {
                settings[key] = value;
            }
        }
        return ConnectorConfig.Parse(settings).Errors;
    }

    // A generated worker run on its own (RunAsync, `kconnector run`) runs one task: say so rather
    // than pretend tasks.max is in use. Hosted through Add{Name}Connector, the ConnectWorker runs them all.
    private static void WarnAboutTasks(ParsedConfig config, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(logger);
        if (config.Get<int>("tasks.max") > 1)
        {
            logger.LogWarning(
                "Connector {Connector}: tasks.max={TasksMax}, but a worker run on its own runs one task; register it on a host (Add...Connector) to run tasks.max tasks",
                config.Get<string>("name"),
                config.Get<int>("tasks.max")
            );
        }
    }
}
