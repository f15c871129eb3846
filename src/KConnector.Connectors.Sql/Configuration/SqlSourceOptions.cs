using KConnector.Connectors.Configuration;

namespace KConnector.Connectors.Sql.Configuration;

/// <summary>
/// The SQL source's configuration, with the keys, meanings and defaults of Confluent's JDBC source
/// connector (<c>JdbcSourceConnectorConfig</c>). Parse it with <see cref="Parse"/>.
/// </summary>
public sealed record SqlSourceOptions
{
    /// <summary>Every key the SQL source reads; its docs table is generated from this list.</summary>
    public static IReadOnlyList<ConfigKey> Keys { get; } =
    [
        ConfigKey.Require(
            "connection.url",
            ConfigType.String,
            ConfigImportance.High,
            "JDBC-style URL of the database: jdbc:postgresql://host:port/database or jdbc:sqlite:path."
        ),
        new("connection.user", ConfigType.String, null, ConfigImportance.High, "Database user."),
        new(
            "connection.password",
            ConfigType.Password,
            null,
            ConfigImportance.High,
            "Database password; never logged."
        ),
        ConfigKey.Require(
            "mode",
            ConfigType.String,
            ConfigImportance.High,
            "How new rows are found: bulk (whole table each poll), incrementing, timestamp or timestamp+incrementing."
        ) with
        {
            ValidValues = ["bulk", "incrementing", "timestamp", "timestamp+incrementing"],
        },
        new(
            "incrementing.column.name",
            ConfigType.String,
            "",
            ConfigImportance.Medium,
            "A strictly increasing, non-null integer column (modes incrementing and timestamp+incrementing)."
        ),
        new(
            "timestamp.column.name",
            ConfigType.List,
            "",
            ConfigImportance.Medium,
            "Timestamp column(s) (modes timestamp and timestamp+incrementing); with several, the first non-null one counts (COALESCE)."
        ),
        new(
            "table.whitelist",
            ConfigType.List,
            "",
            ConfigImportance.Medium,
            "Tables to copy, each to topic.prefix + table name. Give this or query."
        ),
        new(
            "query",
            ConfigType.String,
            "",
            ConfigImportance.Medium,
            "A SELECT to copy instead of tables, to the topic topic.prefix. It is wrapped as a subquery, so it may have its own WHERE."
        ),
        new(
            "poll.interval.ms",
            ConfigType.Int,
            "5000",
            ConfigImportance.High,
            "Milliseconds between two queries of the same table."
        ),
        new(
            "batch.max.rows",
            ConfigType.Int,
            "100",
            ConfigImportance.Low,
            "Most rows returned by one poll; a larger result is returned over several polls."
        ),
        ConfigKey.Require(
            "topic.prefix",
            ConfigType.String,
            ConfigImportance.High,
            "Prefix of the topic names (table mode: prefix + table name; query mode: the whole topic name)."
        ),
    ];

    /// <summary>connection.url.</summary>
    public required string ConnectionUrl { get; init; }

    /// <summary>connection.user.</summary>
    public string? ConnectionUser { get; init; }

    /// <summary>connection.password (excluded from <see cref="ToString"/>).</summary>
    public string? ConnectionPassword { get; init; }

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

    /// <summary>topic.prefix.</summary>
    public required string TopicPrefix { get; init; }

    /// <summary>Parses and validates <paramref name="properties"/>; every problem names its key.</summary>
    /// <exception cref="ConnectorConfigException">The configuration is invalid.</exception>
    public static SqlSourceOptions Parse(IReadOnlyDictionary<string, string> properties)
    {
        var config = new ConfigReader("SQL source", Keys, properties);
        var options = new SqlSourceOptions
        {
            ConnectionUrl = config.GetRequiredString("connection.url"),
            ConnectionUser = config.GetString("connection.user"),
            ConnectionPassword = config.GetString("connection.password"),
            Mode = config.GetString("mode") switch
            {
                "incrementing" => SourceMode.Incrementing,
                "timestamp" => SourceMode.Timestamp,
                "timestamp+incrementing" => SourceMode.TimestampIncrementing,
                _ => SourceMode.Bulk,
            },
            IncrementingColumn = config.GetRequiredString("incrementing.column.name"),
            TimestampColumns = config.GetList("timestamp.column.name"),
            Tables = config.GetList("table.whitelist"),
            Query = config.GetRequiredString("query"),
            PollIntervalMs = config.GetInt("poll.interval.ms", min: 1),
            BatchMaxRows = config.GetInt("batch.max.rows", min: 1),
            TopicPrefix = config.GetRequiredString("topic.prefix"),
        };
        if (
            options.Tables.Count == 0
            && options.Query.Length == 0
            && config.IsSet("connection.url")
        )
        {
            config.AddError("table.whitelist", "give table.whitelist or query");
        }
        if (options.Tables.Count > 0 && options.Query.Length > 0)
        {
            config.AddError("query", "give query or table.whitelist, not both");
        }
        if (
            options.Mode is SourceMode.Incrementing or SourceMode.TimestampIncrementing
            && options.IncrementingColumn.Length == 0
        )
        {
            config.AddError(
                "incrementing.column.name",
                $"is required with mode={config.GetString("mode")}"
            );
        }
        if (
            options.Mode is SourceMode.Timestamp or SourceMode.TimestampIncrementing
            && options.TimestampColumns.Count == 0
        )
        {
            config.AddError(
                "timestamp.column.name",
                $"is required with mode={config.GetString("mode")}"
            );
        }
        if (config.IsSet("connection.url"))
        {
            try
            {
                _ = Dialects.SqlConnectionUrl.Parse(
                    options.ConnectionUrl,
                    options.ConnectionUser,
                    options.ConnectionPassword
                );
            }
            catch (FormatException e)
            {
                config.AddError("connection.url", e.Message);
            }
        }
        config.ThrowIfInvalid();
        return options;
    }

    /// <summary>The options without the password.</summary>
    public override string ToString() =>
        $"SqlSourceOptions {{ connection.url = {ConnectionUrl}, connection.user = {ConnectionUser}, connection.password = [hidden], mode = {Mode}, table.whitelist = {string.Join(",", Tables)}, query = {Query}, topic.prefix = {TopicPrefix} }}";
}
