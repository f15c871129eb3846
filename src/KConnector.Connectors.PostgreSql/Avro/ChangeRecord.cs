using KConnector.Connectors.PostgreSql.Events;
using KConnector.Converters;

namespace KConnector.Connectors.PostgreSql.Avro;

/// <summary>
/// A change event on its way to <c>io.confluent.connect.avro.AvroConverter</c>: the task's value
/// type when a spec's <c>value.converter</c> is AvroConverter. Its Avro schema is the envelope of
/// the table's shape when the change was written (registered under <c>&lt;topic&gt;-value</c>
/// with the worker's Schema Registry client), so an added column makes a new schema version.
/// </summary>
public sealed class ChangeRecord : IConverterFormatsProvider<ChangeRecord>
{
    internal ChangeRecord(
        ChangeEvent change,
        string topic,
        string topicPrefix,
        string database,
        DateTimeOffset time
    )
    {
        Change = change;
        Topic = topic;
        TopicPrefix = topicPrefix;
        Database = database;
        Time = time;
    }

    /// <summary>The table's topic, <c>topic.prefix.schema.table</c> (or the heartbeat topic).</summary>
    public string Topic { get; }

    /// <summary>Debezium's op code: c, u, d, r or t; null for a heartbeat.</summary>
    public string? Op => Change.IsHeartbeat ? null : EnvelopeWriter.OpCode(Change.Operation);

    /// <summary>AvroConverter writes it (the only converter that carries it).</summary>
    public static ConverterFormats<ChangeRecord> Formats { get; } =
        ConverterFormats.RuntimeSchemaAvro<ChangeRecord>(
            static (registry, config) => new ChangeRecordAvroConverter(registry, config)
        );

    internal ChangeEvent Change { get; }

    internal string TopicPrefix { get; }

    internal string Database { get; }

    /// <summary>When the task handled the change (the envelope's ts_ms).</summary>
    internal DateTimeOffset Time { get; }
}
