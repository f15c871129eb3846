using System.Collections.Concurrent;

namespace KConnector.Offsets;

/// <summary>
/// Offsets kept in memory only, as Kafka Connect's <c>MemoryOffsetBackingStore</c>: a restarted
/// task in the same process resumes, a restarted process starts over.
/// </summary>
public class MemoryOffsetBackingStore : IOffsetBackingStore
{
    private readonly ConcurrentDictionary<string, string> _data = new(StringComparer.Ordinal);

    /// <summary>Everything stored, for subclasses that persist it.</summary>
    protected IReadOnlyDictionary<string, string> Data => _data;

    private int _started;

    /// <inheritdoc/>
    /// <remarks>Only the first call loads (<see cref="LoadAsync"/>): a store shared by several tasks is started by each.</remarks>
    public ValueTask StartAsync(CancellationToken cancellationToken) =>
        Interlocked.Exchange(ref _started, 1) == 0
            ? LoadAsync(cancellationToken)
            : ValueTask.CompletedTask;

    /// <summary>Loads the persisted offsets; called once, by the first <see cref="StartAsync"/>.</summary>
    protected virtual ValueTask LoadAsync(CancellationToken cancellationToken) =>
        ValueTask.CompletedTask;

    /// <inheritdoc/>
    public string? Get(string key) => _data.TryGetValue(key, out var value) ? value : null;

    /// <inheritdoc/>
    public virtual ValueTask SetAsync(
        IReadOnlyCollection<KeyValuePair<string, string>> values,
        CancellationToken cancellationToken
    )
    {
        ArgumentNullException.ThrowIfNull(values);
        foreach (var (key, value) in values)
        {
            _data[key] = value;
        }
        return ValueTask.CompletedTask;
    }

    /// <summary>Puts a value without persisting it (used while loading).</summary>
    protected void Load(string key, string value) => _data[key] = value;

    /// <summary>Drops a value without persisting it (a tombstone met while loading).</summary>
    protected void Unload(string key) => _data.TryRemove(key, out _);

    /// <summary>Every key stored (for KIP-875's offsets listing of one connector).</summary>
    public IReadOnlyCollection<string> Keys => [.. _data.Keys];

    /// <summary>
    /// Removes the values of <paramref name="keys"/> (KIP-875's offset reset); completes once the
    /// removal is durable (Kafka Connect writes a tombstone for each).
    /// </summary>
    public virtual ValueTask RemoveAsync(
        IReadOnlyCollection<string> keys,
        CancellationToken cancellationToken
    )
    {
        ArgumentNullException.ThrowIfNull(keys);
        foreach (var key in keys)
        {
            _data.TryRemove(key, out _);
        }
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc/>
    public virtual ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }
}
