using KConnector.Configuration;
using KConnector.Configuration.Framework;

namespace KConnector.Connectors.PostgreSql.Configuration;

/// <summary>
/// The CDC source's configuration, with the keys, meanings and defaults of Debezium's PostgreSQL
/// connector (<c>PostgresConnectorConfig</c>) where they mean the same. Parse it with <see cref="Parse"/>.
/// Typed from the descriptor's keys (<see cref="TypedConfigKeysAttribute"/>): their defaults and
/// reads are generated; the properties below name a key or give it a type of its own.
/// </summary>
[TypedConfigKeys(typeof(PostgresConnector))]
public sealed partial record PostgresCdcOptions
{
    /// <summary>The connector's keys (its descriptor's generated definition).</summary>
    public static ConfigDefinition Definition => PostgresConnector.Definition;

    /// <summary>database.hostname.</summary>
    [ConfigKeyProperty("database.hostname")]
    public required string Hostname { get; init; }

    /// <summary>database.port.</summary>
    [ConfigKeyProperty("database.port")]
    public int Port { get; init; }

    /// <summary>database.user.</summary>
    [ConfigKeyProperty("database.user")]
    public required string User { get; init; }

    /// <summary>database.password (excluded from <see cref="ToString"/> by <see cref="Password"/>).</summary>
    [ConfigKeyProperty("database.password")]
    public Password? Password { get; init; }

    /// <summary>database.dbname.</summary>
    [ConfigKeyProperty("database.dbname")]
    public required string Database { get; init; }

    /// <summary>topic.prefix.</summary>
    [ConfigKeyProperty("topic.prefix")]
    public required string TopicPrefix { get; init; }

    /// <summary>slot.name.</summary>
    [ConfigKeyProperty("slot.name")]
    public string SlotName { get; init; }

    /// <summary>publication.name.</summary>
    [ConfigKeyProperty("publication.name")]
    public string PublicationName { get; init; }

    /// <summary>publication.autocreate.mode.</summary>
    [ConfigKeyProperty("publication.autocreate.mode")]
    public PublicationAutocreateMode PublicationAutocreate { get; init; }

    /// <summary>table.include.list and table.exclude.list.</summary>
    [ConfigKeyProperty("table.include.list")]
    [ConfigKeyProperty("table.exclude.list")]
    public TableFilter Tables { get; init; } = TableFilter.All;

    /// <summary>message.key.columns.</summary>
    [ConfigKeyProperty("message.key.columns")]
    public MessageKeyColumns MessageKeyColumns { get; init; } = MessageKeyColumns.None;

    /// <summary>snapshot.mode.</summary>
    [ConfigKeyProperty("snapshot.mode")]
    public SnapshotMode Snapshot { get; init; }

    /// <summary>tombstones.on.delete.</summary>
    [ConfigKeyProperty("tombstones.on.delete")]
    public bool TombstonesOnDelete { get; init; }

    /// <summary>skipped.operations: the op codes (c, u, d, t) not sent.</summary>
    [ConfigKeyProperty("skipped.operations")]
    public IReadOnlySet<string> SkippedOperations { get; init; } = new HashSet<string> { "t" };

    /// <summary>decimal.handling.mode.</summary>
    [ConfigKeyProperty("decimal.handling.mode")]
    public DecimalHandlingMode DecimalHandling { get; init; }

    /// <summary>envelope.schemas.enable.</summary>
    [ConfigKeyProperty("envelope.schemas.enable")]
    public bool SchemasEnable { get; init; }

    /// <summary>max.batch.size.</summary>
    [ConfigKeyProperty("max.batch.size")]
    public int MaxBatchSize { get; init; }

    /// <summary>max.queue.size.</summary>
    [ConfigKeyProperty("max.queue.size")]
    public int MaxQueueSize { get; init; }

    /// <summary>poll.interval.ms.</summary>
    [ConfigKeyProperty("poll.interval.ms")]
    public int PollIntervalMs { get; init; }

    /// <summary>heartbeat.interval.ms: 0, no heartbeats.</summary>
    [ConfigKeyProperty("heartbeat.interval.ms")]
    public int HeartbeatIntervalMs { get; init; }

    /// <summary>heartbeat.topics.prefix.</summary>
    [ConfigKeyProperty("heartbeat.topics.prefix")]
    public string HeartbeatTopicsPrefix { get; init; }

    /// <summary>heartbeat.action.query; empty (or blank): none.</summary>
    [ConfigKeyProperty("heartbeat.action.query")]
    public string HeartbeatActionQuery { get; init; }

    /// <summary>The heartbeat topic, <c>heartbeat.topics.prefix.topic.prefix</c>.</summary>
    public string HeartbeatTopic => HeartbeatTopicsPrefix + "." + TopicPrefix;

    /// <summary>The connector's name (Kafka Connect's <c>name</c>), for logs.</summary>
    public string Name { get; init; } = "postgres-cdc";

    /// <summary>
    /// Parses and validates the connector's keys of <paramref name="config"/> (a worker's whole
    /// config may be given: other keys are ignored); every issue names its key.
    /// </summary>
    /// <exception cref="ConfigValidationException">The configuration is invalid.</exception>
    public static PostgresCdcOptions Parse(
        IReadOnlyDictionary<string, string?> config,
        ConfigValueResolver? resolver = null
    )
    {
        var parsed = Definition.Parse(config, resolver);
        var include = parsed.Get<IReadOnlyList<string>>("table.include.list") ?? [];
        var exclude = parsed.Get<IReadOnlyList<string>>("table.exclude.list") ?? [];
        if (include.Count > 0 && exclude.Count > 0)
        {
            // Debezium refuses both lists at once (PostgresConnectorConfig's validation).
            parsed.AddIssue(
                "table.exclude.list",
                "give table.include.list or table.exclude.list, not both"
            );
        }
        var filter = TableFilter.TryCreate(include, exclude, out var badPattern);
        if (badPattern is not null)
        {
            parsed.AddIssue(
                badPattern.Value.Key,
                $"'{badPattern.Value.Pattern}' is not a regular expression"
            );
        }
        var keyColumns = MessageKeyColumns.TryParse(
            parsed.Get<string>("message.key.columns"),
            out var keyColumnsProblem
        );
        if (keyColumnsProblem is not null)
        {
            parsed.AddIssue("message.key.columns", keyColumnsProblem);
        }
        var skipped = (parsed.Get<IReadOnlyList<string>>("skipped.operations") ?? [])
            .Select(o => o.Trim().ToLowerInvariant())
            .Where(o => o.Length > 0 && o != "none")
            .ToHashSet(StringComparer.Ordinal);
        foreach (var op in skipped.Where(o => o is not ("c" or "u" or "d" or "t")))
        {
            parsed.AddIssue(
                "skipped.operations",
                $"'{op}' is not an operation: use c, u, d, t or none"
            );
        }
        var options = new PostgresCdcOptions(parsed)
        {
            Tables = filter ?? TableFilter.All,
            MessageKeyColumns = keyColumns ?? MessageKeyColumns.None,
            SkippedOperations = skipped,
            Name =
                config.TryGetValue("name", out var name) && !string.IsNullOrEmpty(name)
                    ? name
                    : "postgres-cdc",
        };
        if (options.Snapshot == SnapshotMode.Initial && IsNever(parsed))
        {
            // never is Debezium's former name of no_data: no member of the enum spells it.
            options = options with
            {
                Snapshot = SnapshotMode.NoData,
            };
        }
        parsed.ThrowIfInvalid();
        return options;
    }

    private static bool IsNever(ParsedConfig parsed) =>
        string.Equals(
            parsed.Get<string>("snapshot.mode"),
            "never",
            StringComparison.OrdinalIgnoreCase
        );
}
