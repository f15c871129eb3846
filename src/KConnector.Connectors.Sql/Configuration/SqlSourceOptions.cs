using KConnector.Configuration;

namespace KConnector.Connectors.Sql.Configuration;

/// <summary>
/// The SQL source's configuration, with the keys, meanings and defaults of Confluent's JDBC source
/// connector (<c>JdbcSourceConnectorConfig</c>). Parse it with <see cref="Parse"/>.
/// </summary>
public sealed record SqlSourceOptions
{
    /// <summary>
    /// The SQL source's keys, as a Kafka Connect <c>ConfigDef</c>: its docs table is generated
    /// from them, and <see cref="Parse"/> checks types, ranges and required keys through them.
    /// </summary>
    public static ConfigDefinition Definition =>
        global::KConnector.Connectors.Sql.SqlSource.Definition;

    /// <summary>Every key the SQL source reads (<see cref="Definition"/>'s keys).</summary>
    public static IReadOnlyList<ConfigKey> Keys => Definition.Keys;

    /// <summary>connection.url.</summary>
    public required string ConnectionUrl { get; init; }

    /// <summary>connection.user.</summary>
    public string? ConnectionUser { get; init; }

    /// <summary>connection.password (excluded from <see cref="ToString"/>).</summary>
    public Password? ConnectionPassword { get; init; }

    /// <summary>mode.</summary>
    public SourceMode Mode { get; init; }

    /// <summary>incrementing.column.name.</summary>
    public string IncrementingColumn { get; init; } = string.Empty;

    /// <summary>timestamp.column.name.</summary>
    public IReadOnlyList<string> TimestampColumns { get; init; } = [];

    /// <summary>table.whitelist.</summary>
    public IReadOnlyList<string> Tables { get; init; } = [];

    /// <summary>query.</summary>
    public string Query { get; init; } = string.Empty;

    /// <summary>poll.interval.ms.</summary>
    public int PollIntervalMs { get; init; } = 5000;

    /// <summary>batch.max.rows.</summary>
    public int BatchMaxRows { get; init; } = 100;

    /// <summary>query.retry.attempts: failed queries in a row tried again before the task fails; -1 for ever.</summary>
    public int QueryRetryAttempts { get; init; } = -1;

    /// <summary>topic.prefix.</summary>
    public required string TopicPrefix { get; init; }

    /// <summary>
    /// Parses and validates the SQL source's keys of <paramref name="config"/> (a worker's whole
    /// config may be given: other keys are ignored); every issue names its key.
    /// </summary>
    /// <param name="config">The connector's config values.</param>
    /// <param name="resolver">Resolves <c>${env:...}</c> and <c>${file:...}</c> references, when given.</param>
    /// <exception cref="ConfigValidationException">The configuration is invalid.</exception>
    public static SqlSourceOptions Parse(
        IReadOnlyDictionary<string, string?> config,
        ConfigValueResolver? resolver = null
    )
    {
        var parsed = Definition.Parse(config, resolver);
        var mode = parsed.Get<string>("mode") ?? string.Empty;
        var options = new SqlSourceOptions
        {
            ConnectionUrl = parsed.Get<string>("connection.url") ?? string.Empty,
            ConnectionUser = parsed.Get<string>("connection.user"),
            ConnectionPassword = parsed.Get<Password>("connection.password"),
            Mode = mode.ToLowerInvariant() switch
            {
                "incrementing" => SourceMode.Incrementing,
                "timestamp" => SourceMode.Timestamp,
                "timestamp+incrementing" => SourceMode.TimestampIncrementing,
                _ => SourceMode.Bulk,
            },
            IncrementingColumn = parsed.Get<string>("incrementing.column.name") ?? string.Empty,
            TimestampColumns = parsed.Get<IReadOnlyList<string>>("timestamp.column.name") ?? [],
            Tables = parsed.Get<IReadOnlyList<string>>("table.whitelist") ?? [],
            Query = parsed.Get<string>("query") ?? string.Empty,
            PollIntervalMs = parsed.Get<int>("poll.interval.ms"),
            BatchMaxRows = parsed.Get<int>("batch.max.rows"),
            QueryRetryAttempts = parsed.Get<int>("query.retry.attempts"),
            TopicPrefix = parsed.Get<string>("topic.prefix") ?? string.Empty,
        };
        // Rules across keys, as JdbcSourceConnectorConfig / JdbcSourceTask check them.
        if (
            options.Tables.Count == 0
            && options.Query.Length == 0
            && options.ConnectionUrl.Length > 0
        )
        {
            parsed.AddIssue("table.whitelist", "give table.whitelist or query");
        }
        if (options.Tables.Count > 0 && options.Query.Length > 0)
        {
            parsed.AddIssue("query", "give query or table.whitelist, not both");
        }
        if (
            options.Mode is SourceMode.Incrementing or SourceMode.TimestampIncrementing
            && options.IncrementingColumn.Length == 0
        )
        {
            parsed.AddIssue("incrementing.column.name", $"is required with mode={mode}");
        }
        if (
            options.Mode is SourceMode.Timestamp or SourceMode.TimestampIncrementing
            && options.TimestampColumns.Count == 0
        )
        {
            parsed.AddIssue("timestamp.column.name", $"is required with mode={mode}");
        }
        if (options.ConnectionUrl.Length > 0)
        {
            try
            {
                _ = Dialects.SqlConnectionUrl.Parse(
                    options.ConnectionUrl,
                    options.ConnectionUser,
                    options.ConnectionPassword?.Value
                );
            }
            catch (FormatException e)
            {
                parsed.AddIssue("connection.url", e.Message);
            }
        }
        parsed.ThrowIfInvalid();
        return options;
    }

    /// <summary>The options without the password.</summary>
    public override string ToString() =>
        $"SqlSourceOptions {{ connection.url = {UrlRedaction.Redact(ConnectionUrl)}, connection.user = {ConnectionUser}, connection.password = [hidden], mode = {Mode}, table.whitelist = {string.Join(",", Tables)}, query = {Query}, topic.prefix = {TopicPrefix} }}";
}
