using KConnector.Errors;
using KConnector.Transforms;

namespace KConnector.Worker;

// A sink record's TRANSFORMATION stage: after the converters, before put (Kafka Connect's
// WorkerSinkTask.convertAndTransformRecord).
public sealed partial class SinkTaskRunner<TKey, TValue>
{
    /// <summary>
    /// Transforms the converted record of <paramref name="entry"/> in place. A record a transform
    /// drops, or whose failure is tolerated, is marked handled without a record: it is not put, and
    /// its offset is committed with the batch. Returns the exception that must fail the task, if any.
    /// </summary>
    private ConnectException? Transform(Entry entry, CancellationToken stoppingToken)
    {
        if (entry.Record is not { } record || _options.Transformations.IsEmpty)
        {
            return null;
        }
        try
        {
            // Transforms are synchronous: as for the converters, retries block this (dedicated) thread.
            var transformed = TransformAsync(
                    _errors,
                    ConnectRecord<TKey, TValue>.From(record),
                    () => ToErrantRecord(entry.Raw),
                    stoppingToken
                )
                .AsTask()
                .GetAwaiter()
                .GetResult();
            entry.Record = transformed?.ToSinkRecord(record);
            entry.Handled |= transformed is null;
            return null;
        }
        catch (ConnectException e)
        {
            return e;
        }
    }
}
