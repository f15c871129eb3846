namespace KConnector.Tasks;

/// <summary>
/// The outcome of <see cref="ISinkTask{TKey, TValue}.TryPutAsync"/>: every record written except the
/// <see cref="Rejections"/>. A rejected record goes through <c>errors.tolerance</c> and the
/// dead-letter queue like a converter error (Kafka Connect has only a whole-batch failure or the
/// errant-record reporter); a rejection with a <see cref="Errors.RetriableException"/> is put again,
/// alone, with backoff until <c>errors.retry.timeout</c>.
/// </summary>
public sealed class PutResult
{
    private PutResult(IReadOnlyList<RecordRejection> rejections) => Rejections = rejections;

    /// <summary>Every record was written.</summary>
    public static PutResult Written { get; } = new([]);

    /// <summary>The records that were not written (by index in the batch).</summary>
    public IReadOnlyList<RecordRejection> Rejections { get; }

    /// <summary>A result rejecting <paramref name="rejections"/>; every other record was written.</summary>
    public static PutResult Reject(IEnumerable<RecordRejection> rejections)
    {
        ArgumentNullException.ThrowIfNull(rejections);
        var list = rejections.ToList();
        return list.Count == 0 ? Written : new PutResult(list);
    }
}
