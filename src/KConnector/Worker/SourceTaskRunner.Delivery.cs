using Confluent.Kafka;
using KConnector.Offsets;
using KConnector.Records;
using KConnector.Tasks;

namespace KConnector.Worker;

// From the producer's acknowledgement back to the task (Kafka Connect's per-record send callback
// in WorkerSourceTask). Each record travels to the producer as its message's key and value object,
// an InFlight: its submitted entry (for the source offset) that also carries the record, so one
// delivery handler, made once, serves every record. What lives from Produce to the acknowledgement
// is what drives the garbage collector's work (every gen0 collection copies the records in flight),
// so an InFlight never holds the converted bytes: Produce hands them to the serializers through
// the runner, and librdkafka has copied them when it returns (docs/benchmarks.md, "Session 11" and
// "Session 12").
public sealed partial class SourceTaskRunner<TKey, TValue>
{
    // Confluent.Kafka makes a Headers per message given none; the serializers (the only code that
    // sees a message's headers besides librdkafka, which reads them) add nothing, so one empty
    // instance serves every record of this runner without headers.
    private readonly Headers _noHeaders = [];

    private readonly Action<DeliveryReport<InFlight, InFlight>> _delivered;

    // One message reused for every record: Produce reads it and keeps only its key and value.
    private readonly Message<InFlight, InFlight> _message = new();

    // The record being produced's converted key and value, read by the serializers during Produce
    // (on this thread) and dropped when it returns.
    private byte[]? _producingKey;
    private byte[]? _producingValue;

    // The producer's typed view for records: the same librdkafka handle (and transaction) as the
    // runner's producer, whose serializers hand over the bytes converted before Produce.
    private IProducer<InFlight, InFlight>? _records;

    private IProducer<InFlight, InFlight> RecordProducer(IProducer<byte[]?, byte[]?> producer) =>
        _records = new DependentProducerBuilder<InFlight, InFlight>(producer.Handle)
            .SetKeySerializer(new ProducingBytes(this, key: true))
            .SetValueSerializer(new ProducingBytes(this, key: false))
            .Build();

    // Hands the record to the producer; throws what Produce throws (a full queue among it).
    private void Produce(
        TopicPartition destination,
        InFlight inFlight,
        (byte[]? Key, byte[]? Value) converted,
        Timestamp timestamp,
        Headers? headers
    )
    {
        (_producingKey, _producingValue) = converted;
        _message.Key = inFlight;
        _message.Value = inFlight;
        _message.Timestamp = timestamp;
        _message.Headers = headers ?? _noHeaders;
        try
        {
            _records!.Produce(destination, _message, _delivered);
        }
        finally
        {
            _message.Key = _message.Value = null!;
            _producingKey = _producingValue = null;
        }
    }

    // On the producer's delivery thread.
    private void OnDelivered(DeliveryReport<InFlight, InFlight> report)
    {
        var inFlight = report.Message.Value;
        var record = inFlight.Record;
        if (report.Error.IsError)
        {
            _failedDeliveries.Enqueue(
                new FailedDelivery(inFlight, new KafkaException(report.Error))
            );
            return;
        }
        _metrics.RecordWrite();
        _kafka?.Reachable();
        _options.TopicUsed?.Invoke(record.Topic);
        _submitted.Acknowledge(inFlight);
        _task.CommitRecord(
            inFlight.Polled,
            new RecordMetadata(
                report.Topic,
                report.Partition.Value,
                report.Offset.Value,
                report.Message.Timestamp.UtcDateTime
            )
        );
    }

    // Submits the polled record's offset (one without a source partition and offset has none to
    // commit).
    private InFlight Track(InFlight inFlight) =>
        inFlight.Polled.SourcePartition is { } partition
        && inFlight.Polled.SourceOffset is { } offset
            ? _submitted.Submit(inFlight, partition, offset)
            : inFlight;

    /// <summary>
    /// A record handed to the producer and not yet acknowledged: its submitted entry, the record as
    /// the task polled it and as it is sent (the same object without transformations). A record
    /// Kafka refuses is converted again for its dead-letter copy (ConvertAgain).
    /// </summary>
    private sealed class InFlight(
        SourceRecord<TKey, TValue> polled,
        SourceRecord<TKey, TValue> record
    ) : SubmittedRecords.Submitted
    {
        /// <summary>What the task polled: its source offset and CommitRecord are about this one.</summary>
        public SourceRecord<TKey, TValue> Polled { get; } = polled;

        /// <summary>What the transformations made of it: what is sent and, refused, dead-lettered.</summary>
        public SourceRecord<TKey, TValue> Record { get; } = record;
    }

    // The producer copies the bytes into librdkafka during Produce: nothing converts here.
    private sealed class ProducingBytes(SourceTaskRunner<TKey, TValue> runner, bool key)
        : ISerializer<InFlight>
    {
        public byte[] Serialize(InFlight data, SerializationContext context) =>
            (key ? runner._producingKey : runner._producingValue)!;
    }

    private sealed record FailedDelivery(InFlight InFlight, KafkaException Error);
}
