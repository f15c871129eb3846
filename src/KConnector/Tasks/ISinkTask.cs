using KConnector.Connectors.Errors;
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
    /// committed only after <see cref="FlushAsync"/> has also returned. Throw a
    /// <see cref="Errors.RetriableException"/> to have the same batch put again after a backoff.
    /// </summary>
    ValueTask PutAsync(
        IReadOnlyList<SinkRecord<TKey, TValue>> records,
        CancellationToken cancellationToken
    );

    /// <summary>
    /// Writes a batch and says which records could not be written: what the worker calls. The
    /// default calls <see cref="PutAsync"/> and rejects nothing; override it to reject single
    /// records (they go to the dead-letter queue under <c>errors.tolerance=all</c>) instead of
    /// failing the whole batch.
    /// </summary>
    async ValueTask<PutResult> TryPutAsync(
        IReadOnlyList<SinkRecord<TKey, TValue>> records,
        CancellationToken cancellationToken
    )
    {
        try
        {
            await PutAsync(records, cancellationToken).ConfigureAwait(false);
            return PutResult.Written;
        }
        catch (SinkRecordsFailedException e)
        {
            // A put that wrote the batch but for some records, named in the exception: exactly
            // those go through errors.tolerance and the dead-letter queue.
            return e.ToPutResult(records);
        }
    }

    /// <summary>Makes everything put so far durable. Called before each offset commit.</summary>
    ValueTask FlushAsync(CancellationToken cancellationToken);
}
