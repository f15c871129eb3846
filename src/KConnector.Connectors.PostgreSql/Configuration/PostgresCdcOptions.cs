using KConnector.Configuration;

namespace KConnector.Connectors.PostgreSql.Configuration;

/// <summary>
/// The CDC source's configuration, with the keys, meanings and defaults of Debezium's PostgreSQL
/// connector (<c>PostgresConnectorConfig</c>) where they mean the same. Parse it with <see cref="Parse"/>.
/// </summary>
public sealed record PostgresCdcOptions
{
    /// <summary>The connector's keys (its descriptor's generated definition).</summary>
    public static ConfigDefinition Definition => PostgresConnector.Definition;

    /// <summary>database.hostname.</summary>
    public required string Hostname { get; init; }

    /// <summary>database.port.</summary>
    public int Port { get; init; } = 5432;

    /// <summary>database.user.</summary>
    public required string User { get; init; }

    /// <summary>database.password (excluded from <see cref="ToString"/> by <see cref="Password"/>).</summary>
    public Password? Password { get; init; }

    /// <summary>database.dbname.</summary>
    public required string Database { get; init; }

    /// <summary>topic.prefix.</summary>
    public required string TopicPrefix { get; init; }

    /// <summary>slot.name.</summary>
    public string SlotName { get; init; } = "debezium";

    /// <summary>publication.name.</summary>
    public string PublicationName { get; init; } = "dbz_publication";

    /// <summary>publication.autocreate.mode.</summary>
    public PublicationAutocreateMode PublicationAutocreate { get; init; }

    /// <summary>table.include.list and table.exclude.list.</summary>
    public TableFilter Tables { get; init; } = TableFilter.All;

    /// <summary>message.key.columns.</summary>
    public MessageKeyColumns MessageKeyColumns { get; init; } = MessageKeyColumns.None;

    /// <summary>snapshot.mode.</summary>
    public SnapshotMode Snapshot { get; init; }

    /// <summary>tombstones.on.delete.</summary>
    public bool TombstonesOnDelete { get; init; } = true;

    /// <summary>skipped.operations: the op codes (c, u, d, t) not sent.</summary>
    public IReadOnlySet<string> SkippedOperations { get; init; } = new HashSet<string> { "t" };

    /// <summary>decimal.handling.mode.</summary>
    public DecimalHandlingMode DecimalHandling { get; init; }

    /// <summary>envelope.schemas.enable.</summary>
    public bool SchemasEnable { get; init; } = true;

    /// <summary>max.batch.size.</summary>
    public int MaxBatchSize { get; init; } = 2048;

    /// <summary>max.queue.size.</summary>
    public int MaxQueueSize { get; init; } = 8192;

    /// <summary>poll.interval.ms.</summary>
    public int PollIntervalMs { get; init; } = 500;

    /// <summary>heartbeat.interval.ms: 0, no heartbeats.</summary>
    public int HeartbeatIntervalMs { get; init; }

    /// <summary>heartbeat.topics.prefix.</summary>
    public string HeartbeatTopicsPrefix { get; init; } = "__debezium-heartbeat";

    /// <summary>heartbeat.action.query, or null.</summary>
    public string? HeartbeatActionQuery { get; init; }

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
        var options = new PostgresCdcOptions
        {
            Hostname = parsed.Get<string>("database.hostname") ?? string.Empty,
            Port = parsed.Get<int>("database.port"),
            User = parsed.Get<string>("database.user") ?? string.Empty,
            Password = parsed.Get<Password>("database.password"),
            Database = parsed.Get<string>("database.dbname") ?? string.Empty,
            TopicPrefix = parsed.Get<string>("topic.prefix") ?? string.Empty,
            SlotName = parsed.Get<string>("slot.name") ?? "debezium",
            PublicationName = parsed.Get<string>("publication.name") ?? "dbz_publication",
            PublicationAutocreate = (
                parsed.Get<string>("publication.autocreate.mode") ?? ""
            ).ToLowerInvariant() switch
            {
                "disabled" => PublicationAutocreateMode.Disabled,
                "filtered" => PublicationAutocreateMode.Filtered,
                _ => PublicationAutocreateMode.AllTables,
            },
            Tables = filter ?? TableFilter.All,
            MessageKeyColumns = keyColumns ?? MessageKeyColumns.None,
            Snapshot = (parsed.Get<string>("snapshot.mode") ?? "").ToLowerInvariant() switch
            {
                "never" or "no_data" => SnapshotMode.NoData,
                "initial_only" => SnapshotMode.InitialOnly,
                _ => SnapshotMode.Initial,
            },
            SkippedOperations = skipped,
            TombstonesOnDelete = parsed.Get<bool>("tombstones.on.delete"),
            DecimalHandling = (
                parsed.Get<string>("decimal.handling.mode") ?? ""
            ).ToLowerInvariant() switch
            {
                "double" => DecimalHandlingMode.Double,
                "string" => DecimalHandlingMode.String,
                _ => DecimalHandlingMode.Precise,
            },
            SchemasEnable = parsed.Get<bool>("envelope.schemas.enable"),
            MaxBatchSize = parsed.Get<int>("max.batch.size"),
            MaxQueueSize = parsed.Get<int>("max.queue.size"),
            PollIntervalMs = parsed.Get<int>("poll.interval.ms"),
            HeartbeatIntervalMs = parsed.Get<int>("heartbeat.interval.ms"),
            HeartbeatTopicsPrefix =
                parsed.Get<string>("heartbeat.topics.prefix") ?? "__debezium-heartbeat",
            HeartbeatActionQuery = string.IsNullOrWhiteSpace(
                parsed.Get<string>("heartbeat.action.query")
            )
                ? null
                : parsed.Get<string>("heartbeat.action.query"),
            Name =
                config.TryGetValue("name", out var name) && !string.IsNullOrEmpty(name)
                    ? name
                    : "postgres-cdc",
        };
        parsed.ThrowIfInvalid();
        return options;
    }
}
