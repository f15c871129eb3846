using KConnector.Records;

namespace KConnector.Tasks;

/// <summary>
/// The part of a source connector its author writes, as Kafka Connect's <c>SourceTask</c>:
/// the worker calls <see cref="PollAsync"/> in a loop and does everything else.
/// </summary>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TValue">The value type.</typeparam>
public interface ISourceTask<TKey, TValue>
{
    /// <summary>
    /// Returns the next records, or an empty list when there is nothing new yet (the worker then
    /// polls again after a short pause). Must honour <paramref name="cancellationToken"/>.
    /// </summary>
    ValueTask<IReadOnlyList<SourceRecord<TKey, TValue>>> PollAsync(
        CancellationToken cancellationToken
    );
}
