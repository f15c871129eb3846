using System.Linq;
using KConnector.Generator.Helpers;

namespace KConnector.Generator.Connectors;

internal static partial class BuiltInConnectors
{
    // Confluent's JDBC sink (io.confluent.connect.jdbc.JdbcSinkConnector) over ADO.NET: PostgreSQL and
    // SQLite. Columns come from the value's record (and the key's, for pk.mode=record_key) through
    // the generated accessor; a string key is one column named by pk.fields or __connect_key.
    private static BuiltInConnector SqlSink() =>
        new(
            "KConnector.Connectors.Sql.SqlSink",
            new[]
            {
                "io.confluent.connect.jdbc.JdbcSinkConnector",
                "JdbcSinkConnector",
                "JdbcSink",
                "SqlSink",
            }.ToEquatableArray(),
            ConnectorKind.Sink,
            new[]
            {
                CommonConfigKeys.Key(
                    "connection.url",
                    ConfigKeyType.String,
                    null,
                    "High",
                    "JDBC-style URL of the database: jdbc:postgresql://host:port/database, jdbc:sqlite:path or jdbc:mysql://host:port/database (MySQL: SQL only, no driver yet).",
                    "Connector",
                    required: true
                ),
                ConnectionUser(),
                ConnectionPassword(),
                CommonConfigKeys.Key(
                    "insert.mode",
                    ConfigKeyType.String,
                    "insert",
                    "High",
                    "How records are written: insert (plain INSERT), upsert (insert or update by key, idempotent) or update (UPDATE by key).",
                    "Connector",
                    oneOf: new[] { "insert", "upsert", "update" }
                ),
                CommonConfigKeys.Key(
                    "pk.mode",
                    ConfigKeyType.String,
                    "none",
                    "High",
                    "Where the primary key comes from: none, kafka (topic, partition, offset), record_key or record_value.",
                    "Connector",
                    oneOf: new[] { "none", "kafka", "record_key", "record_value" }
                ),
                CommonConfigKeys.Key(
                    "pk.fields",
                    ConfigKeyType.List,
                    "",
                    "Medium",
                    "Key column names. record_key: the key's fields (default all), or the column name of a primitive key (default __connect_key); record_value: value fields (default all); kafka: three names (default __connect_topic,__connect_partition,__connect_offset).",
                    "Connector"
                ),
                CommonConfigKeys.Key(
                    "fields.whitelist",
                    ConfigKeyType.List,
                    "",
                    "Medium",
                    "Value fields to write; empty means all.",
                    "Connector"
                ),
                CommonConfigKeys.Key(
                    "table.name.format",
                    ConfigKeyType.String,
                    "${topic}",
                    "Medium",
                    "The destination table name; ${topic} is replaced by the record's topic. May be schema-qualified (schema.table).",
                    "Connector"
                ),
                CommonConfigKeys.Key(
                    "auto.create",
                    ConfigKeyType.Boolean,
                    "false",
                    "Medium",
                    "Create the destination table (CREATE TABLE) from the record schema when it is missing.",
                    "Connector"
                ),
                CommonConfigKeys.Key(
                    "auto.evolve",
                    ConfigKeyType.Boolean,
                    "false",
                    "Medium",
                    "Add a column (ALTER TABLE ADD) for each optional field (nullable) or defaulted field (with its DEFAULT) the table lacks.",
                    "Connector"
                ),
                CommonConfigKeys.Key(
                    "delete.enabled",
                    ConfigKeyType.Boolean,
                    "false",
                    "Medium",
                    "Delete the row by key when a record's value is null (a tombstone). Requires pk.mode=record_key.",
                    "Connector"
                ),
                CommonConfigKeys.Key(
                    "batch.size",
                    ConfigKeyType.Int,
                    "3000",
                    "Medium",
                    "Records written in one transaction, when enough are buffered; flush writes the rest.",
                    "Connector",
                    min: "1"
                ),
                CommonConfigKeys.Key(
                    "max.retries",
                    ConfigKeyType.Int,
                    "10",
                    "Medium",
                    "How many times a failed batch is retried (in a new transaction) before the error reaches the worker.",
                    "Connector",
                    min: "0"
                ),
                CommonConfigKeys.Key(
                    "retry.backoff.ms",
                    ConfigKeyType.Int,
                    "3000",
                    "Medium",
                    "Pause between retries of a failed batch, in milliseconds.",
                    "Connector",
                    min: "0"
                ),
                CommonConfigKeys.Key(
                    "errors.tolerance",
                    ConfigKeyType.String,
                    "none",
                    "Medium",
                    "Kafka Connect's worker key, read as the JDBC sink reads it: none fails the put on a failed batch; all writes a failed batch's records one by one and reports those that still fail (SinkRecordsFailedException) for the dead-letter queue.",
                    "Connector",
                    oneOf: new[] { "none", "all" }
                ),
            }.ToEquatableArray(),
            "global::KConnector.Connectors.Sql.Sink.SqlSinkTask<{0}, {1}>",
            "global::KConnector.Connectors.Sql.Sink.SqlSinkTaskFactory.Create<{0}, {1}>(config.Parsed.Originals, {3}, {2}, logger)",
            "KConnector.Connectors.Sql.Sink.SqlSinkTask`2",
            "KConnector.Connectors.Sql",
            ValueMustBeRecord: true,
            TaskIsDisposable: true,
            KeyMayBeRecord: true,
            MapsRecords: true
        );

    // Confluent's JDBC source (io.confluent.connect.jdbc.JdbcSourceConnector): table rows into records
    // of the value's .avsc type, columns matched to fields by name; keys are null strings.
    private static BuiltInConnector SqlSource() =>
        new(
            "KConnector.Connectors.Sql.SqlSource",
            new[]
            {
                "io.confluent.connect.jdbc.JdbcSourceConnector",
                "JdbcSourceConnector",
                "JdbcSource",
                "SqlSource",
            }.ToEquatableArray(),
            ConnectorKind.Source,
            new[]
            {
                CommonConfigKeys.Key(
                    "connection.url",
                    ConfigKeyType.String,
                    null,
                    "High",
                    "JDBC-style URL of the database: jdbc:postgresql://host:port/database or jdbc:sqlite:path.",
                    "Connector",
                    required: true
                ),
                ConnectionUser(),
                ConnectionPassword(),
                CommonConfigKeys.Key(
                    "mode",
                    ConfigKeyType.String,
                    null,
                    "High",
                    "How new rows are found: bulk (whole table each poll), incrementing, timestamp or timestamp+incrementing.",
                    "Connector",
                    required: true,
                    oneOf: new[] { "bulk", "incrementing", "timestamp", "timestamp+incrementing" }
                ),
                CommonConfigKeys.Key(
                    "incrementing.column.name",
                    ConfigKeyType.String,
                    "",
                    "Medium",
                    "A strictly increasing, non-null integer column (modes incrementing and timestamp+incrementing).",
                    "Connector"
                ),
                CommonConfigKeys.Key(
                    "timestamp.column.name",
                    ConfigKeyType.List,
                    "",
                    "Medium",
                    "Timestamp column(s) (modes timestamp and timestamp+incrementing); with several, the first non-null one counts (COALESCE).",
                    "Connector"
                ),
                CommonConfigKeys.Key(
                    "table.whitelist",
                    ConfigKeyType.List,
                    "",
                    "Medium",
                    "Tables to copy, each to topic.prefix + table name. Give this or query.",
                    "Connector"
                ),
                CommonConfigKeys.Key(
                    "query",
                    ConfigKeyType.String,
                    "",
                    "Medium",
                    "A SELECT to copy instead of tables, to the topic topic.prefix. It is wrapped as a subquery, so it may have its own WHERE.",
                    "Connector"
                ),
                CommonConfigKeys.Key(
                    "poll.interval.ms",
                    ConfigKeyType.Int,
                    "5000",
                    "High",
                    "Milliseconds between two queries of the same table.",
                    "Connector",
                    min: "1"
                ),
                CommonConfigKeys.Key(
                    "batch.max.rows",
                    ConfigKeyType.Int,
                    "100",
                    "Low",
                    "Most rows returned by one poll; a larger result is returned over several polls.",
                    "Connector",
                    min: "1"
                ),
                CommonConfigKeys.Key(
                    "topic.prefix",
                    ConfigKeyType.String,
                    null,
                    "High",
                    "Prefix of the topic names (table mode: prefix + table name; query mode: the whole topic name).",
                    "Connector",
                    required: true
                ),
            }.ToEquatableArray(),
            "global::KConnector.Connectors.Sql.Source.SqlSourceTask<{1}>",
            "global::KConnector.Connectors.Sql.Source.SqlSourceTaskFactory.Create<{1}>(config.Parsed.Originals, {3}, logger)",
            "KConnector.Connectors.Sql.Source.SqlSourceTask`1",
            "KConnector.Connectors.Sql",
            ValueMustBeRecord: true,
            TaskIsDisposable: true,
            KeyMayBeRecord: false,
            MapsRecords: true,
            SingleTask: true
        );

    // connection.user and connection.password, which both JDBC connectors read (SqlCredentialKeys
    // in the connector project).
    private static ConfigKeyModel ConnectionUser() =>
        CommonConfigKeys.Key(
            "connection.user",
            ConfigKeyType.String,
            null,
            "High",
            "Database user.",
            "Connector"
        );

    private static ConfigKeyModel ConnectionPassword() =>
        CommonConfigKeys.Key(
            "connection.password",
            ConfigKeyType.Password,
            null,
            "High",
            "Database password; never logged.",
            "Connector"
        );
}
