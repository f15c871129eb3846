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
                CommonConfigKeys.Key(
                    "connection.user",
                    ConfigKeyType.String,
                    null,
                    "High",
                    "Database user.",
                    "Connector"
                ),
                CommonConfigKeys.Key(
                    "connection.password",
                    ConfigKeyType.Password,
                    null,
                    "High",
                    "Database password; never logged.",
                    "Connector"
                ),
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
                    "Add a nullable column (ALTER TABLE ADD) for each optional or defaulted field the table lacks.",
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
                    "Connector"
                ),
                CommonConfigKeys.Key(
                    "max.retries",
                    ConfigKeyType.Int,
                    "10",
                    "Medium",
                    "How many times a failed batch is retried (in a new transaction) before the error reaches the worker.",
                    "Connector"
                ),
                CommonConfigKeys.Key(
                    "retry.backoff.ms",
                    ConfigKeyType.Int,
                    "3000",
                    "Medium",
                    "Pause between retries of a failed batch, in milliseconds.",
                    "Connector"
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
            "global::KConnector.Connectors.Sql.Sink.SqlSinkTaskFactory.Create<{0}, {1}>(config.Parsed.Originals, {3}, {2}, _logger)",
            "KConnector.Connectors.Sql.Sink.SqlSinkTask`2",
            "KConnector.Connectors.Sql",
            ValueMustBeRecord: true,
            TaskIsDisposable: true,
            KeyMayBeRecord: true,
            MapsRecords: true
        );
}
