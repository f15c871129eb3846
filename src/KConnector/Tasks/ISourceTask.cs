using KConnector.Records;

namespace KConnector.Tasks;

/// <summary>
/// The part of a source connector its author writes, as Kafka Connect's <c>SourceTask</c>:
/// the worker calls <see cref="PollAsync"/> in a loop and does everything else. The other members
/// have default implementations and are there for tasks that need them.
/// </summary>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TValue">The value type.</typeparam>
public interface ISourceTask<TKey, TValue>
{
    /// <summary>
    /// Called once before the first poll with the task's context: read your committed offsets from
    /// <see cref="SourceTaskContext.OffsetStorageReader"/> here to resume where the last run stopped.
    /// </summary>
    void Initialize(SourceTaskContext context) { }

    /// <summary>
    /// Returns the next records, or an empty list when there is nothing new yet (the worker then
    /// polls again after a short pause). Must honour <paramref name="cancellationToken"/>. Throw a
    /// <see cref="Errors.RetriableException"/> to be polled again after a backoff.
    /// </summary>
    ValueTask<IReadOnlyList<SourceRecord<TKey, TValue>>> PollAsync(
        CancellationToken cancellationToken
    );

    /// <summary>
    /// Called, as Kafka Connect's <c>commitRecord</c>, once <paramref name="record"/> is done:
    /// acknowledged by Kafka (<paramref name="metadata"/> says where it is) or, when it failed and
    /// was tolerated, skipped or dead-lettered (<paramref name="metadata"/> is null).
    /// <paramref name="record"/> is the one this task polled, before any transformation (the same
    /// instance), while <paramref name="metadata"/> names where its transformed copy was written.
    /// Runs on the producer's delivery thread: keep it short and thread-safe.
    /// </summary>
    void CommitRecord(SourceRecord<TKey, TValue> record, RecordMetadata? metadata) { }

    /// <summary>
    /// Called, as Kafka Connect's <c>commit</c>, after the worker committed source offsets: a task
    /// that acknowledges its source system in bulk does it here.
    /// </summary>
    ValueTask CommitAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;
}
