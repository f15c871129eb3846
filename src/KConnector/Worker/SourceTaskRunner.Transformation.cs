using KConnector.Errors;
using KConnector.Records;
using KConnector.Transforms;

namespace KConnector.Worker;

// A source record's TRANSFORMATION stage: after the poll, before the converters (Kafka Connect's
// AbstractWorkerSourceTask.sendRecords).
public sealed partial class SourceTaskRunner<TKey, TValue>
{
    /// <summary>The transformed record, or null when it was dropped (Filter, or a tolerated failure).</summary>
    private async ValueTask<SourceRecord<TKey, TValue>?> TransformAsync(
        RetryWithToleranceOperator errors,
        SourceRecord<TKey, TValue> record,
        CancellationToken cancellationToken
    )
    {
        var transformed = await TransformAsync(
                errors,
                ConnectRecord<TKey, TValue>.From(record),
                () => ErrantBeforeTransforms(record),
                cancellationToken
            )
            .ConfigureAwait(false);
        return transformed?.ToSourceRecord(record);
    }

    // The dead-letter copy of a record a transform failed on: the record as the task polled it,
    // its key and value converted (or kept in a documented encoding, named in a header).
    private ErrantRecord ErrantBeforeTransforms(SourceRecord<TKey, TValue> record)
    {
        var headers = WireHeaders(record);
        return new ErrantRecord
        {
            Topic = record.Topic,
            Key = DeadLetterEncoder.Encode(
                _keyConverter,
                record.Key,
                DeadLetterQueueHeaders.KeyEncoding,
                headers
            ),
            Value = DeadLetterEncoder.Encode(
                _valueConverter,
                record.Value,
                DeadLetterQueueHeaders.ValueEncoding,
                headers
            ),
            Headers = headers,
            Timestamp = record.Timestamp,
            SourcePartition = record.SourcePartition,
            SourceOffset = record.SourceOffset,
        };
    }
}
