using KConnector.Configuration;
using KConnector.Connectors.Shapes;
using KConnector.Connectors.Sql.Configuration;
using KConnector.Connectors.Sql.Sink;
using KConnector.Plugins;
using Microsoft.Extensions.Logging;

namespace KConnector.Connectors.Sql;

/// <summary>
/// The descriptor of the SqlSink connector plugin: its class name and Kafka Connect aliases, its
/// config keys (the one definition the build's checks, validation, <c>kconnector describe</c> and
/// the docs read) and how the generated worker creates its task.
/// </summary>
[ConnectPlugin(
    "KConnector.Connectors.Sql.SqlSink",
    PluginKind.Sink,
    Aliases = [
        "io.confluent.connect.jdbc.JdbcSinkConnector",
        "JdbcSinkConnector",
        "JdbcSink",
        "SqlSink",
    ],
    Description = "Writes records to a SQLite, PostgreSQL or MySQL table (Confluent's JDBC sink): insert, upsert or update, creating and evolving the table.",
    ValueMustBeRecord = true
)]
[ConfigKey(
    "connection.url",
    ConfigType.String,
    Required = true,
    Importance = ConfigImportance.High,
    Documentation = "JDBC-style URL of the database: jdbc:postgresql://host:port/database, jdbc:sqlite:path, jdbc:mysql://host:port/database or jdbc:mariadb://host:port/database (MySQL and MariaDB through MySqlConnector)."
)]
[IncludeConfigKeys(typeof(SqlCredentialKeys))]
[ConfigKey(
    "insert.mode",
    ConfigType.String,
    Default = "insert",
    Importance = ConfigImportance.High,
    AllowedValues = ["insert", "upsert", "update"],
    Documentation = "How records are written: insert (plain INSERT), upsert (insert or update by key, idempotent) or update (UPDATE by key)."
)]
[ConfigKey(
    "pk.mode",
    ConfigType.String,
    Default = "none",
    Importance = ConfigImportance.High,
    AllowedValues = ["none", "kafka", "record_key", "record_value"],
    Documentation = "Where the primary key comes from: none, kafka (topic, partition, offset), record_key or record_value."
)]
[ConfigKey(
    "pk.fields",
    ConfigType.List,
    Default = "",
    Documentation = "Key column names. record_key: the key's fields (default all), or the column name of a primitive key (default __connect_key); record_value: value fields (default all); kafka: three names (default __connect_topic,__connect_partition,__connect_offset)."
)]
[ConfigKey(
    "fields.whitelist",
    ConfigType.List,
    Default = "",
    Documentation = "Value fields to write; empty means all."
)]
[ConfigKey(
    "table.name.format",
    ConfigType.String,
    Default = "${topic}",
    Documentation = "The destination table name; ${topic} is replaced by the record's topic. May be schema-qualified (schema.table)."
)]
[ConfigKey(
    "auto.create",
    ConfigType.Boolean,
    Default = "false",
    Documentation = "Create the destination table (CREATE TABLE) from the record schema when it is missing."
)]
[ConfigKey(
    "auto.evolve",
    ConfigType.Boolean,
    Default = "false",
    Documentation = "Add a column (ALTER TABLE ADD) for each optional field (nullable) or defaulted field (with its DEFAULT) the table lacks."
)]
[ConfigKey(
    "delete.enabled",
    ConfigType.Boolean,
    Default = "false",
    Documentation = "Delete the row by key when a record's value is null (a tombstone). Requires pk.mode=record_key."
)]
[ConfigKey(
    "batch.size",
    ConfigType.Int,
    Default = "3000",
    Min = 1,
    Documentation = "Statements sent to the database in one batch (one round trip). Each put is written in one transaction whatever its size, as the JDBC sink's writer does."
)]
[ConfigKey(
    "max.retries",
    ConfigType.Int,
    Default = "10",
    Min = 0,
    Documentation = "How many times a put the database could not take (a lost connection, a timeout) is retried in a new transaction before the worker backs off (until errors.retry.timeout) and then fails the task."
)]
[ConfigKey(
    "retry.backoff.ms",
    ConfigType.Int,
    Default = "3000",
    Min = 0,
    Documentation = "Pause between retries of a put the database could not take, in milliseconds."
)]
public static partial class SqlSink
{
    /// <summary>
    /// The connector's rules across keys (Kafka Connect's <c>Connector.validate</c>): those
    /// <see cref="global::KConnector.Connectors.Sql.Configuration.SqlSinkOptions.Parse"/> states, the very method the task factory calls, so that
    /// <c>kconnector validate</c> refuses what a start would refuse without making a task.
    /// </summary>
    /// <exception cref="ConfigValidationException">A rule is broken; each issue names its key.</exception>
    public static void ValidateAcrossKeys(IReadOnlyDictionary<string, string?> config) =>
        _ = global::KConnector.Connectors.Sql.Configuration.SqlSinkOptions.Parse(config);

    /// <summary>Creates a task from the connector's whole config (only its own keys are read).</summary>
    /// <exception cref="ConfigValidationException">The configuration is invalid; each problem names its key.</exception>
    public static SqlSinkTask<TKey, TValue> CreateTask<TKey, TValue>(
        IReadOnlyDictionary<string, string?> config,
        RecordAccessor<TKey>? key,
        RecordAccessor<TValue> value,
        ILogger? logger
    ) => SqlSinkTaskFactory.Create(config, value, key, logger);
}
