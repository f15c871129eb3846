using KConnector.Configuration;
using KConnector.Connectors.PostgreSql.Source;
using KConnector.Plugins;
using Microsoft.Extensions.Logging;

namespace KConnector.Connectors.PostgreSql;

/// <summary>
/// The descriptor of the PostgreSQL change data capture source: Debezium's
/// <c>io.debezium.connector.postgresql.PostgresConnector</c> over logical replication (pgoutput).
/// Its keys are Debezium's where they mean the same; its records carry Debezium's envelope.
/// </summary>
[ConnectPlugin(
    "KConnector.Connectors.PostgreSql.PostgresConnector",
    PluginKind.Source,
    Aliases = ["io.debezium.connector.postgresql.PostgresConnector", "PostgresConnector"],
    Description = "Captures every insert, update, delete and truncate of PostgreSQL tables from the write-ahead log (logical replication, pgoutput) into Debezium's change event envelope, one topic per table.",
    ValueMustBeRecord = false,
    KeyMayBeRecord = false,
    SingleTask = true,
    ValueType = typeof(Avro.ChangeRecord)
)]
[ConfigKey(
    "database.hostname",
    ConfigType.String,
    Required = true,
    Importance = ConfigImportance.High,
    Documentation = "Host name or address of the PostgreSQL server."
)]
[ConfigKey(
    "database.port",
    ConfigType.Int,
    Default = "5432",
    Min = 1,
    Max = 65535,
    Importance = ConfigImportance.High,
    Documentation = "Port of the PostgreSQL server."
)]
[ConfigKey(
    "database.user",
    ConfigType.String,
    Required = true,
    Importance = ConfigImportance.High,
    Documentation = "A role with the REPLICATION attribute (and SELECT on the captured tables for the snapshot)."
)]
[ConfigKey(
    "database.password",
    ConfigType.Password,
    Default = "",
    Importance = ConfigImportance.High,
    Documentation = "The role's password; never logged."
)]
[ConfigKey(
    "database.dbname",
    ConfigType.String,
    Required = true,
    Importance = ConfigImportance.High,
    Documentation = "The database whose changes are captured."
)]
[ConfigKey(
    "topic.prefix",
    ConfigType.String,
    Required = true,
    Importance = ConfigImportance.High,
    Documentation = "Names this source: topics are <topic.prefix>.<schema>.<table>, and source.name carries it."
)]
[ConfigKey(
    "plugin.name",
    ConfigType.String,
    Default = "pgoutput",
    AllowedValues = ["pgoutput"],
    Importance = ConfigImportance.Medium,
    Documentation = "The logical decoding plugin: pgoutput, built into PostgreSQL 10 and later (Debezium's decoderbufs is not supported)."
)]
[ConfigKey(
    "slot.name",
    ConfigType.String,
    Default = "debezium",
    Pattern = "^[a-z0-9_]{1,63}$",
    Importance = ConfigImportance.Medium,
    Documentation = "The replication slot (created when missing); lower-case letters, digits and underscores."
)]
[ConfigKey(
    "publication.name",
    ConfigType.String,
    Default = "dbz_publication",
    Importance = ConfigImportance.Medium,
    Documentation = "The pgoutput publication whose tables are streamed."
)]
[ConfigKey(
    "publication.autocreate.mode",
    ConfigType.String,
    Default = "all_tables",
    AllowedValues = ["all_tables", "disabled", "filtered"],
    Importance = ConfigImportance.Medium,
    Documentation = "all_tables: create the publication FOR ALL TABLES when missing; disabled: it must exist; filtered: create it (or set its tables) for the tables table.include.list and table.exclude.list select."
)]
[ConfigKey(
    "table.include.list",
    ConfigType.List,
    Default = "",
    Documentation = "Regular expressions matched against schema.table: only matching tables are captured (empty: all but the exclude list)."
)]
[ConfigKey(
    "table.exclude.list",
    ConfigType.List,
    Default = "",
    Documentation = "Regular expressions matched against schema.table: matching tables are not captured. Give this or table.include.list."
)]
[ConfigKey(
    "message.key.columns",
    ConfigType.String,
    Default = "",
    Documentation = "Record keys from other columns than the primary key (or for tables without one): <schema.table regex>:<column>,<column>;... The first matching entry applies."
)]
[ConfigKey(
    "table.value.schemas",
    ConfigType.List,
    Default = "",
    Importance = ConfigImportance.Medium,
    Documentation = "KConnector: a declared value schema per table, <schema>.<table>:<path of the rows' .avsc record, relative to the spec>, read when the spec is compiled (needs value.converter=io.confluent.connect.avro.AvroConverter). The generator emits <Spec>Tables.<Table>ChangeEvent (Before/After of the record); the task refuses a column the record cannot hold before sending its change. Empty: schemas derived from the tables."
)]
[ConfigKey(
    "snapshot.mode",
    ConfigType.String,
    Default = "initial",
    AllowedValues = ["initial", "never", "no_data", "initial_only"],
    Importance = ConfigImportance.Medium,
    Documentation = "initial: read the tables once (op r) when no offset is stored, then stream; never / no_data: stream only; initial_only: read the tables and stop streaming."
)]
[ConfigKey(
    "tombstones.on.delete",
    ConfigType.Boolean,
    Default = "true",
    Documentation = "After a delete event, send a record with the same key and a null value, so that log compaction can drop the row's key."
)]
[ConfigKey(
    "skipped.operations",
    ConfigType.List,
    Default = "t",
    Documentation = "Operations not sent: a list of c (inserts), u (updates), d (deletes), t (truncates), or none. Debezium's default skips truncates."
)]
[ConfigKey(
    "decimal.handling.mode",
    ConfigType.String,
    Default = "precise",
    AllowedValues = ["precise", "double", "string"],
    Documentation = "numeric columns: precise (Kafka Connect Decimal, bytes), double or string."
)]
[ConfigKey(
    "envelope.schemas.enable",
    ConfigType.Boolean,
    Default = "true",
    Documentation = "Whether keys and values are written as JsonConverter with schemas.enable=true writes Debezium's events (schema and payload), or as the payload alone (schemas.enable=false)."
)]
[ConfigKey(
    "heartbeat.interval.ms",
    ConfigType.Int,
    Default = "0",
    Min = 0,
    Importance = ConfigImportance.Medium,
    Documentation = "How often a heartbeat record goes to <heartbeat.topics.prefix>.<topic.prefix> while streaming, carrying the server's latest position, so that the slot's confirmed position advances even when only tables outside the publication change (otherwise the server keeps their WAL); 0: no heartbeats."
)]
[ConfigKey(
    "heartbeat.topics.prefix",
    ConfigType.String,
    Default = "__debezium-heartbeat",
    Importance = ConfigImportance.Low,
    Documentation = "The heartbeat topic is <heartbeat.topics.prefix>.<topic.prefix>."
)]
[ConfigKey(
    "heartbeat.action.query",
    ConfigType.String,
    Default = "",
    Importance = ConfigImportance.Low,
    Documentation = "A statement run on the captured database before each heartbeat (e.g. an INSERT into a captured heartbeat table), so that a database whose captured tables are idle still writes WAL the slot streams; empty: none."
)]
[ConfigKey(
    "max.batch.size",
    ConfigType.Int,
    Default = "2048",
    Min = 1,
    Importance = ConfigImportance.Low,
    Documentation = "Most change events returned by one poll."
)]
[ConfigKey(
    "max.queue.size",
    ConfigType.Int,
    Default = "8192",
    Min = 1,
    Importance = ConfigImportance.Low,
    Documentation = "Change events read from the slot ahead of the worker; reading pauses when it is full."
)]
[ConfigKey(
    "poll.interval.ms",
    ConfigType.Int,
    Default = "500",
    Min = 1,
    Importance = ConfigImportance.Low,
    Documentation = "Longest wait of a poll for the first change event."
)]
public static partial class PostgresConnector
{
    /// <summary>
    /// The connector's rules across keys (Kafka Connect's <c>Connector.validate</c>): those
    /// <see cref="global::KConnector.Connectors.PostgreSql.Configuration.PostgresCdcOptions.Parse"/> states, the very method the task factory calls, so that
    /// <c>kconnector validate</c> refuses what a start would refuse without making a task.
    /// </summary>
    /// <exception cref="ConfigValidationException">A rule is broken; each issue names its key.</exception>
    public static void ValidateAcrossKeys(IReadOnlyDictionary<string, string?> config) =>
        _ = global::KConnector.Connectors.PostgreSql.Configuration.PostgresCdcOptions.Parse(config);

    /// <summary>
    /// Creates a task from the connector's whole config. Keys and values are the JSON text
    /// Debezium's events have through JsonConverter, so the value type is <c>string</c> and the
    /// converters are StringConverter (see docs/connectors/postgres-cdc.md).
    /// </summary>
    /// <exception cref="ConfigValidationException">The configuration is invalid; each problem names its key.</exception>
    public static PostgresCdcTask<TValue> CreateTask<TValue>(
        IReadOnlyDictionary<string, string?> config,
        ILogger? logger
    ) => new(Configuration.PostgresCdcOptions.Parse(config), logger);
}
