using KConnector.Records;

namespace KConnector.Connectors.Http.Sink;

/// <summary>
/// What the endpoint already answered for the records of a put that stopped because the endpoint
/// became unavailable (5xx or no connection after max.retries). The worker puts the same batch
/// again after its backoff (errors.retry.timeout); the records answered before the outage are then
/// not sent a second time: a delivered record counts as delivered, a refused one is refused again
/// with the endpoint's first answer. Cleared by a put that completes.
/// </summary>
internal sealed class UnfinishedPut
{
    private readonly Dictionary<(string Topic, int Partition, long Offset), string?> _answered = [];

    /// <summary>True when the endpoint answered this record before; <paramref name="refusal"/> is its refusal, or null when it was delivered.</summary>
    public bool TryGetAnswer<TKey, TValue>(SinkRecord<TKey, TValue> record, out string? refusal) =>
        _answered.TryGetValue(Coordinates(record), out refusal);

    /// <summary>The endpoint took <paramref name="record"/>.</summary>
    public void Delivered<TKey, TValue>(SinkRecord<TKey, TValue> record) =>
        _answered[Coordinates(record)] = null;

    /// <summary>The endpoint (or the sink's own rules) refused <paramref name="record"/>.</summary>
    public void Refused<TKey, TValue>(SinkRecord<TKey, TValue> record, string reason) =>
        _answered[Coordinates(record)] = reason;

    /// <summary>The put completed: a later put starts afresh.</summary>
    public void Clear() => _answered.Clear();

    private static (string, int, long) Coordinates<TKey, TValue>(SinkRecord<TKey, TValue> record) =>
        (record.Topic, record.Partition, record.Offset);
}
