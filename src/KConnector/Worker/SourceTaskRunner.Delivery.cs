using Confluent.Kafka;
using KConnector.Offsets;
using KConnector.Records;
using KConnector.Tasks;

namespace KConnector.Worker;

// From the producer's acknowledgement back to the task (Kafka Connect's per-record send callback
// in WorkerSourceTask). Each record travels to the producer as the message's value object, an
// InFlight that carries its converted bytes and what its acknowledgement needs: so one delivery
// handler, made once, serves every record, where a handler per record cost a closure and a
// delegate per record that also lived until Kafka acknowledged it (docs/benchmarks.md, "Where the
// source pipeline's time went").
public sealed partial class SourceTaskRunner<TKey, TValue>
{
    private readonly Action<DeliveryReport<byte[]?, InFlight>> _delivered;

    // The producer's typed view for records: the same librdkafka handle (and transaction) as the
    // runner's producer, whose value serializer hands over the bytes converted before Produce.
    private IProducer<byte[]?, InFlight>? _records;

    private IProducer<byte[]?, InFlight> RecordProducer(IProducer<byte[]?, byte[]?> producer) =>
        _records = new DependentProducerBuilder<byte[]?, InFlight>(producer.Handle)
            .SetValueSerializer(InFlightSerializer.Instance)
            .Build();

    // On the producer's delivery thread.
    private void OnDelivered(DeliveryReport<byte[]?, InFlight> report)
    {
        var inFlight = report.Message.Value;
        var record = inFlight.Record;
        if (report.Error.IsError)
        {
            _failedDeliveries.Enqueue(
                new FailedDelivery(
                    record,
                    inFlight.Submitted,
                    report.Message.Key,
                    inFlight.Value,
                    new KafkaException(report.Error)
                )
            );
            return;
        }
        _metrics.RecordWrite();
        _kafka?.Reachable();
        _options.TopicUsed?.Invoke(record.Topic);
        if (inFlight.Submitted is { } submitted)
        {
            _submitted.Acknowledge(submitted);
        }
        _task.CommitRecord(
            record,
            new RecordMetadata(
                report.Topic,
                report.Partition.Value,
                report.Offset.Value,
                report.Message.Timestamp.UtcDateTime
            )
        );
    }

    /// <summary>A record handed to the producer and not yet acknowledged, with its converted value.</summary>
    private sealed class InFlight(
        SourceRecord<TKey, TValue> record,
        SubmittedRecords.Submitted? submitted,
        byte[]? value
    )
    {
        public SourceRecord<TKey, TValue> Record { get; } = record;

        public SubmittedRecords.Submitted? Submitted { get; } = submitted;

        // Kept for a failed delivery's dead-letter copy.
        public byte[]? Value { get; } = value;
    }

    // The producer copies the bytes into librdkafka during Produce: nothing converts here.
    private sealed class InFlightSerializer : ISerializer<InFlight>
    {
        public static InFlightSerializer Instance { get; } = new();

        public byte[] Serialize(InFlight data, SerializationContext context) => data.Value!;
    }

    private sealed record FailedDelivery(
        SourceRecord<TKey, TValue> Record,
        SubmittedRecords.Submitted? Submitted,
        byte[]? Key,
        byte[]? Value,
        KafkaException Error
    );
}
