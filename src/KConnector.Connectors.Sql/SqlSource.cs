using KConnector.Configuration;
using KConnector.Connectors.Shapes;
using KConnector.Connectors.Sql.Configuration;
using KConnector.Connectors.Sql.Source;
using KConnector.Plugins;
using Microsoft.Extensions.Logging;

namespace KConnector.Connectors.Sql;

/// <summary>
/// The descriptor of the SqlSource connector plugin: its class name and Kafka Connect aliases, its
/// config keys (the one definition the build's checks, validation, <c>kconnector describe</c> and
/// the docs read) and how the generated worker creates its task.
/// </summary>
[ConnectPlugin(
    "KConnector.Connectors.Sql.SqlSource",
    PluginKind.Source,
    Aliases = [
        "io.confluent.connect.jdbc.JdbcSourceConnector",
        "JdbcSourceConnector",
        "JdbcSource",
        "SqlSource",
    ],
    Description = "Queries a SQLite, PostgreSQL or MySQL table into records (Confluent's JDBC source): bulk, incrementing or timestamp modes.",
    ValueMustBeRecord = true,
    KeyMayBeRecord = false,
    SingleTask = true
)]
[ConfigKey(
    "connection.url",
    ConfigType.String,
    Required = true,
    Importance = ConfigImportance.High,
    Documentation = "JDBC-style URL of the database: jdbc:postgresql://host:port/database, jdbc:sqlite:path, jdbc:mysql://host:port/database or jdbc:mariadb://host:port/database."
)]
[IncludeConfigKeys(typeof(SqlCredentialKeys))]
[ConfigKey(
    "mode",
    ConfigType.String,
    Required = true,
    Importance = ConfigImportance.High,
    AllowedValues = ["bulk", "incrementing", "timestamp", "timestamp+incrementing"],
    Documentation = "How new rows are found: bulk (whole table each poll), incrementing, timestamp or timestamp+incrementing."
)]
[ConfigKey(
    "incrementing.column.name",
    ConfigType.String,
    Default = "",
    Documentation = "A strictly increasing, non-null integer column (modes incrementing and timestamp+incrementing)."
)]
[ConfigKey(
    "timestamp.column.name",
    ConfigType.List,
    Default = "",
    Documentation = "Timestamp column(s) (modes timestamp and timestamp+incrementing); with several, the first non-null one counts (COALESCE)."
)]
[ConfigKey(
    "table.whitelist",
    ConfigType.List,
    Default = "",
    Documentation = "Tables to copy, each to topic.prefix + table name. Give this or query."
)]
[ConfigKey(
    "query",
    ConfigType.String,
    Default = "",
    Documentation = "A SELECT to copy instead of tables, to the topic topic.prefix. It is wrapped as a subquery, so it may have its own WHERE."
)]
[ConfigKey(
    "poll.interval.ms",
    ConfigType.Int,
    Default = "5000",
    Importance = ConfigImportance.High,
    Min = 1,
    Documentation = "Milliseconds between two queries of the same table."
)]
[ConfigKey(
    "batch.max.rows",
    ConfigType.Int,
    Default = "100",
    Importance = ConfigImportance.Low,
    Min = 1,
    Documentation = "Most rows returned by one poll; a larger result is returned over several polls."
)]
[ConfigKey(
    "query.retry.attempts",
    ConfigType.Int,
    Default = "-1",
    Importance = ConfigImportance.Low,
    Min = -1,
    Documentation = "How many times in a row a failing query (the server down, a table not there yet) is tried again, poll.interval.ms apart, before the task fails; each failure is logged. -1, Confluent's default, tries for ever."
)]
[ConfigKey(
    "topic.prefix",
    ConfigType.String,
    Required = true,
    Importance = ConfigImportance.High,
    Documentation = "Prefix of the topic names (table mode: prefix + table name; query mode: the whole topic name)."
)]
public static partial class SqlSource
{
    /// <summary>
    /// The connector's rules across keys (Kafka Connect's <c>Connector.validate</c>): those
    /// <see cref="global::KConnector.Connectors.Sql.Configuration.SqlSourceOptions.Parse"/> states, the very method the task factory calls, so that
    /// <c>kconnector validate</c> refuses what a start would refuse without making a task.
    /// </summary>
    /// <exception cref="ConfigValidationException">A rule is broken; each issue names its key.</exception>
    public static void ValidateAcrossKeys(IReadOnlyDictionary<string, string?> config) =>
        _ = global::KConnector.Connectors.Sql.Configuration.SqlSourceOptions.Parse(config);

    /// <summary>Creates a task from the connector's whole config (only its own keys are read).</summary>
    /// <exception cref="ConfigValidationException">The configuration is invalid; each problem names its key.</exception>
    public static SqlSourceTask<TValue> CreateTask<TValue>(
        IReadOnlyDictionary<string, string?> config,
        RecordAccessor<TValue> value,
        ILogger? logger
    ) => SqlSourceTaskFactory.Create(config, value, logger);
}
