namespace KConnector.Offsets;

/// <summary>
/// Where source offsets are kept, as Kafka Connect's <c>OffsetBackingStore</c>: a map from
/// <see cref="OffsetJson.Key"/> to <see cref="OffsetJson.Map"/> text. Implementations:
/// <see cref="FileOffsetBackingStore"/> (standalone, <c>offset.storage.file.filename</c>),
/// <see cref="KafkaOffsetBackingStore"/> (an offsets topic, <c>offset.storage.topic</c>) and
/// <see cref="MemoryOffsetBackingStore"/> (nothing survives the process).
/// </summary>
public interface IOffsetBackingStore : IAsyncDisposable
{
    /// <summary>Loads what the store holds; called once before any read.</summary>
    ValueTask StartAsync(CancellationToken cancellationToken);

    /// <summary>The value stored under <paramref name="key"/>, or null.</summary>
    string? Get(string key);

    /// <summary>Stores <paramref name="values"/>; completes once they are durable.</summary>
    ValueTask SetAsync(
        IReadOnlyCollection<KeyValuePair<string, string>> values,
        CancellationToken cancellationToken
    );
}
