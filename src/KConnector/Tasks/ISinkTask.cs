using KConnector.Records;

namespace KConnector.Tasks;

/// <summary>
/// The part of a sink connector its author writes, as Kafka Connect's <c>SinkTask</c>.
/// </summary>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TValue">The value type.</typeparam>
public interface ISinkTask<TKey, TValue>
{
    /// <summary>
    /// Writes a batch. When it returns, the records count as handed over; their offsets are
    /// committed only after <see cref="FlushAsync"/> has also returned.
    /// </summary>
    ValueTask PutAsync(
        IReadOnlyList<SinkRecord<TKey, TValue>> records,
        CancellationToken cancellationToken
    );

    /// <summary>Makes everything put so far durable. Called before each offset commit.</summary>
    ValueTask FlushAsync(CancellationToken cancellationToken);
}
