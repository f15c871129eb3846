using KConnector.Errors;
using KConnector.Records;
using KConnector.Tasks;

namespace KConnector.Connectors.Errors;

/// <summary>
/// Thrown by a sink's put when some records were rejected one by one (an HTTP 4xx, a bulk item
/// error) while the others were written. <see cref="Failed"/> names exactly which, so a worker can
/// send those to the dead-letter queue and commit the rest; until the worker's put contract
/// returns per-record results, this exception is how a sink reports them. Every record of the
/// batch that is not in <see cref="Failed"/> was written.
/// </summary>
public sealed class SinkRecordsFailedException : Exception
{
    /// <summary>Creates the exception for <paramref name="failed"/> records out of <paramref name="attempted"/>.</summary>
    public SinkRecordsFailedException(
        string sink,
        IReadOnlyList<FailedRecord> failed,
        int attempted
    )
        : base(
            $"{sink}: {failed?.Count} of {attempted} records failed; first: {(failed is { Count: > 0 } ? $"{failed[0].Topic}-{failed[0].Partition}@{failed[0].Offset}: {failed[0].Reason}" : "none")}"
        )
    {
        Failed = failed ?? [];
        Attempted = attempted;
    }

    /// <summary>
    /// Throws the exception for <paramref name="failed"/>, sorted into offset order (topic,
    /// partition, offset), unless it is empty: what a sink that sends a batch in parts calls at
    /// the end of its put.
    /// </summary>
    /// <exception cref="SinkRecordsFailedException">Some records failed.</exception>
    public static void ThrowIfAny(string sink, List<FailedRecord> failed, int attempted)
    {
        ArgumentNullException.ThrowIfNull(failed);
        if (failed.Count == 0)
        {
            return;
        }
        failed.Sort(
            (a, b) => (a.Topic, a.Partition, a.Offset).CompareTo((b.Topic, b.Partition, b.Offset))
        );
        throw new SinkRecordsFailedException(sink, failed, attempted);
    }

    /// <summary>Creates the exception with a message.</summary>
    public SinkRecordsFailedException(string message)
        : base(message)
    {
        Failed = [];
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public SinkRecordsFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
        Failed = [];
    }

    /// <summary>Creates the exception without details.</summary>
    public SinkRecordsFailedException()
    {
        Failed = [];
    }

    /// <summary>
    /// The same failures as the worker's per-record put result (<see cref="ISinkTask{TKey, TValue}.TryPutAsync"/>):
    /// each failed record by its index in <paramref name="batch"/>, so that errors.tolerance and the
    /// dead-letter queue take exactly those records and the rest of the batch counts as written.
    /// </summary>
    /// <exception cref="SinkRecordsFailedException">This exception, when a failed record is not in the batch.</exception>
    public PutResult ToPutResult<TKey, TValue>(IReadOnlyList<SinkRecord<TKey, TValue>> batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var indexes = new Dictionary<(string Topic, int Partition, long Offset), int>(batch.Count);
        for (var i = 0; i < batch.Count; i++)
        {
            indexes[(batch[i].Topic, batch[i].Partition, batch[i].Offset)] = i;
        }
        var rejections = new List<RecordRejection>(Failed.Count);
        foreach (var failed in Failed)
        {
            if (
                !indexes.TryGetValue((failed.Topic, failed.Partition, failed.Offset), out var index)
            )
            {
                throw this;
            }
            rejections.Add(
                new RecordRejection(index, new ConnectException(Stage.TASK_PUT, failed.Reason))
            );
        }
        return PutResult.Reject(rejections);
    }

    /// <summary>The records that failed, in batch order.</summary>
    public IReadOnlyList<FailedRecord> Failed { get; }

    /// <summary>How many records the put attempted.</summary>
    public int Attempted { get; }
}
