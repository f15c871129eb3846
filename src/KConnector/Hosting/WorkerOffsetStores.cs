using KConnector.Offsets;
using KConnector.Worker;

namespace KConnector.Hosting;

/// <summary>
/// The source offset stores of one worker: one per <c>offset.storage.file.filename</c> (by full
/// path) or <c>offset.storage.topic</c>, shared by every source connector that names it, as Kafka
/// Connect's worker holds one <c>OffsetBackingStore</c> for all its connectors (the keys carry the
/// connector's name). Two stores over one file would each rewrite the whole file with only their
/// own connector's offsets, losing the other's.
/// </summary>
internal sealed class WorkerOffsetStores : IAsyncDisposable
{
    private const string MemoryKey = "memory";
    private readonly Dictionary<string, IOffsetBackingStore> _stores = new(StringComparer.Ordinal);

    /// <summary>The store <paramref name="config"/> names (memory when it names none), started.</summary>
    public async Task<IOffsetBackingStore> GetAsync(
        ConnectorConfig config,
        string bootstrapServers,
        CancellationToken cancellationToken
    )
    {
        var ownTopic = TopicOf(config);
        var key =
            config.OffsetStorageFileName is { } file ? "file:" + Path.GetFullPath(file)
            : ownTopic is { } topic ? "topic:" + bootstrapServers + "/" + topic
            : MemoryKey;
        IOffsetBackingStore? store;
        lock (_stores)
        {
            if (!_stores.TryGetValue(key, out store))
            {
                store =
                    config.OffsetStorageFileName is { } path ? new FileOffsetBackingStore(path)
                    : ownTopic is { } name
                        ? new KafkaOffsetBackingStore(name, bootstrapServers, config.ProducerConfig)
                    : new MemoryOffsetBackingStore();
                _stores.Add(key, store);
            }
        }
        // Only the first start loads (MemoryOffsetBackingStore.StartAsync): sharing is safe.
        await store.StartAsync(cancellationToken).ConfigureAwait(false);
        return store;
    }

    /// <summary>
    /// The offsets topic of a source connector: on a distributed worker its own
    /// <c>offsets.storage.topic</c> (KIP-618) replaces the worker's <c>offset.storage.topic</c>.
    /// </summary>
    public static string? TopicOf(ConnectorConfig config) =>
        config.ExactlyOnce is { GroupId.Length: > 0, OffsetsTopic: { } own }
            ? own
            : config.OffsetStorageTopic;

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        List<IOffsetBackingStore> stores;
        lock (_stores)
        {
            stores = [.. _stores.Values];
            _stores.Clear();
        }
        foreach (var store in stores)
        {
            await store.DisposeAsync().ConfigureAwait(false);
        }
    }
}
