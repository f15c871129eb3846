using System.Buffers;
using System.Runtime.CompilerServices;
using KConnector.Avro;
using KConnector.Connectors.PostgreSql.Events;
using KConnector.Converters;
using KConnector.Errors;
using KConnector.SchemaRegistry;

namespace KConnector.Connectors.PostgreSql.Avro;

/// <summary>
/// AvroConverter for change events: Confluent's wire format (magic byte, schema id, Avro binary)
/// with the envelope schema of each table shape, registered (<c>auto.register.schemas</c>, or
/// looked up / the latest version) under the subject the converter's strategy names,
/// <c>&lt;topic&gt;-value</c> by default. Each shape's id is resolved once; a relation message with
/// an added column is a new shape, so the next change registers the next version.
/// </summary>
internal sealed class ChangeRecordAvroConverter : IConverter<ChangeRecord>
{
    private readonly ISchemaRegistryClient _registry;
    private readonly ConverterConfig _config;
    private readonly ConditionalWeakTable<CapturedTable, StrongBox<int>> _ids = new();
    private readonly ArrayBufferWriter<byte> _buffer = new(1024);

    public ChangeRecordAvroConverter(ISchemaRegistryClient registry, ConverterConfig config)
    {
        _registry = registry;
        _config = config;
    }

    public byte[]? FromConnectData(string topic, ChangeRecord? value)
    {
        if (value is null)
        {
            return null;
        }
        if (value.Change.IsHeartbeat)
        {
            return Heartbeat(topic, value);
        }
        var table = value.Change.Table!;
        if (!_ids.TryGetValue(table, out var id))
        {
            id = new StrongBox<int>(Resolve(topic, table));
            _ids.AddOrUpdate(table, id);
        }
        _buffer.ResetWrittenCount();
        ConfluentWireFormat.WriteHeader(_buffer, id.Value);
        var writer = new AvroWriter(_buffer);
        try
        {
            EnvelopeAvroEncoder.Write(ref writer, value);
        }
        catch (Exception e) when (e is FormatException or OverflowException)
        {
            throw new DataException(
                $"A change of table {table.Schema}.{table.Name} (topic '{topic}') cannot be written as Avro: {e.Message}",
                e
            );
        }
        return _buffer.WrittenSpan.ToArray();
    }

    // Debezium's io.debezium.connector.common.Heartbeat: {ts_ms}.
    private byte[] Heartbeat(string topic, ChangeRecord value)
    {
        if (_heartbeatId is null || _heartbeatId.Value.Topic != topic)
        {
            var id = Resolve(
                topic,
                HeartbeatSchema,
                "io.debezium.connector.common.Heartbeat",
                "the heartbeat schema"
            );
            _heartbeatId = (topic, id);
        }
        _buffer.ResetWrittenCount();
        ConfluentWireFormat.WriteHeader(_buffer, _heartbeatId.Value.Id);
        var writer = new AvroWriter(_buffer);
        writer.WriteLong(value.Time.ToUnixTimeMilliseconds());
        return _buffer.WrittenSpan.ToArray();
    }

    private const string HeartbeatSchema =
        """{"type":"record","name":"Heartbeat","namespace":"io.debezium.connector.common","fields":[{"name":"ts_ms","type":"long"}],"connect.name":"io.debezium.connector.common.Heartbeat"}""";

    private (string Topic, int Id)? _heartbeatId;

    private int Resolve(string topic, CapturedTable table) =>
        Resolve(
            topic,
            table.EnvelopeAvroSchema ??= EnvelopeAvroSchema.Value(table),
            table.Topic + ".Envelope",
            $"the envelope schema of table {table.Schema}.{table.Name}"
        );

    private int Resolve(string topic, string schemaText, string recordName, string what)
    {
        var schema = new Schema(schemaText, SchemaType.Avro);
        var subject = SubjectName.For(
            _config.SubjectNameStrategy,
            topic,
            _config.IsKey,
            recordName
        );
        try
        {
            if (_config.AutoRegisterSchemas)
            {
                return _registry
                    .RegisterSchemaAsync(subject, schema, CancellationToken.None)
                    .AsTask()
                    .GetAwaiter()
                    .GetResult();
            }
            var found = _config.UseLatestVersion
                ? _registry.GetLatestSchemaAsync(subject, CancellationToken.None)
                : _registry.LookupSchemaAsync(subject, schema, CancellationToken.None);
            return found.AsTask().GetAwaiter().GetResult().Id;
        }
        catch (SchemaRegistryException e)
        {
            var message =
                $"Cannot {(_config.AutoRegisterSchemas ? "register" : "find")} {what} under subject '{subject}' for topic '{topic}': {e.Message}";
            // The registry away is not the record's fault: the worker waits and keeps the record.
            throw e.IsUnavailable
                ? new DependencyUnavailableException("the Schema Registry", message, e)
                : new DataException(message, e);
        }
    }

    /// <summary>Change events are written, never read back into this type.</summary>
    public ChangeRecord? ToConnectData(string topic, byte[]? data) =>
        throw new DataException(
            $"Change events of topic '{topic}' are written by the PostgreSQL CDC source; they are read by consumers with the registered schema, not converted back into {nameof(ChangeRecord)}."
        );
}
