using System.Text;
using System.Text.Json;
using Confluent.Kafka;
using KConnector.Hosting;
using KConnector.Offsets;
using KConnector.Worker;

namespace KConnector.Distributed;

/// <summary>
/// KIP-875 for a source connector on distributed workers: its offsets are the records of its
/// offsets topic keyed <c>["connector",{partition}]</c>, read afresh to the topic's end for every
/// request (latest per partition, tombstones removed), so any worker answers, whether the
/// connector runs anywhere or is STOPPED. The leader writes new offsets, or a tombstone per known
/// partition for a reset, as Connect's Worker.modifySourceConnectorOffsets: through the idempotent
/// producer of the offsets store, or, with <c>exactly.once.source.support=enabled</c>, in one
/// transaction under task 0's transactional id (whose initialisation fences that task's zombie).
/// </summary>
internal static class SourceOffsetsTopic
{
    private static readonly TimeSpan TransactionTimeout = TimeSpan.FromSeconds(30);

    /// <summary>The connector's offsets, by source partition.</summary>
    public static async Task<IReadOnlyList<ConnectorOffset>> ReadAsync(
        ConnectorConfig config,
        string bootstrapServers,
        CancellationToken cancellationToken
    )
    {
        var store = await OpenAsync(config, bootstrapServers, cancellationToken)
            .ConfigureAwait(false);
        await using (store.ConfigureAwait(false))
        {
            return
            [
                .. OwnKeys(store, config.Name)
                    .Select(k => (k.Partition, Value: store.Get(k.Key)))
                    .Where(k => k.Value is not null)
                    .Select(k => new ConnectorOffset(k.Partition, OffsetJson.ParseMap(k.Value!))),
            ];
        }
    }

    /// <summary>
    /// Writes <paramref name="offsets"/> (a null offset is a tombstone), or with null a tombstone
    /// for every partition the connector has an offset for; answers how many records it wrote.
    /// </summary>
    public static async Task<int> WriteAsync(
        ConnectorConfig config,
        string bootstrapServers,
        IReadOnlyList<ConnectorOffset>? offsets,
        CancellationToken cancellationToken
    )
    {
        var store = await OpenAsync(config, bootstrapServers, cancellationToken)
            .ConfigureAwait(false);
        await using (store.ConfigureAwait(false))
        {
            var writes = offsets is null
                ? [.. OwnKeys(store, config.Name).Select(k => (k.Key, Value: (string?)null))]
                : offsets
                    .Select(o =>
                        (
                            Key: OffsetJson.Key(config.Name, o.Partition),
                            Value: o.Offset is null ? null : OffsetJson.Map(o.Offset)
                        )
                    )
                    .ToList();
            if (writes.Count == 0)
            {
                return 0; // A reset with nothing committed yet (or reset before), as Connect.
            }
            if (config.ExactlyOnce.Transactional)
            {
                await WriteTransactionallyAsync(
                        config,
                        bootstrapServers,
                        store.Topic,
                        writes,
                        cancellationToken
                    )
                    .ConfigureAwait(false);
                return writes.Count;
            }
            await store
                .SetAsync(
                    [
                        .. writes
                            .Where(w => w.Value is not null)
                            .Select(w => KeyValuePair.Create(w.Key, w.Value!)),
                    ],
                    cancellationToken
                )
                .ConfigureAwait(false);
            await store
                .RemoveAsync(
                    [.. writes.Where(w => w.Value is null).Select(w => w.Key)],
                    cancellationToken
                )
                .ConfigureAwait(false);
            return writes.Count;
        }
    }

    private static async Task<KafkaOffsetBackingStore> OpenAsync(
        ConnectorConfig config,
        string bootstrapServers,
        CancellationToken cancellationToken
    )
    {
        var topic =
            WorkerOffsetStores.TopicOf(config)
            ?? throw new ConnectorStateException(
                $"Connector {config.Name} has no offsets topic: set offset.storage.topic on the worker"
            );
        var store = new KafkaOffsetBackingStore(topic, bootstrapServers, config.ProducerConfig);
        try
        {
            await store.StartAsync(cancellationToken).ConfigureAwait(false);
            return store;
        }
        catch
        {
            await store.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    // The keys of this connector's partitions; a key that is not Connect's JSON pair (written by
    // another tool) belongs to no connector.
    private static List<(string Key, Dictionary<string, string> Partition)> OwnKeys(
        KafkaOffsetBackingStore store,
        string connector
    )
    {
        var own = new List<(string, Dictionary<string, string>)>();
        foreach (var key in store.Keys.Order(StringComparer.Ordinal))
        {
            try
            {
                if (OffsetJson.ParseKey(key) is { } parsed && parsed.Connector == connector)
                {
                    own.Add((key, parsed.Partition));
                }
            }
            catch (JsonException)
            {
                // Not an offsets key.
            }
        }
        return own;
    }

    private static async Task WriteTransactionallyAsync(
        ConnectorConfig config,
        string bootstrapServers,
        string topic,
        List<(string Key, string? Value)> writes,
        CancellationToken cancellationToken
    )
    {
        var settings = new ProducerConfig(new Dictionary<string, string>(config.ProducerConfig))
        {
            BootstrapServers = bootstrapServers,
            TransactionalId = config.ExactlyOnce.TransactionalId(config.Name, 0),
            EnableIdempotence = true,
            Acks = Acks.All,
            // As the offsets store writes them: a key lands where Connect's worker writes it.
            Partitioner = Partitioner.Murmur2Random,
        };
        using var producer = new ProducerBuilder<byte[], byte[]?>(settings).Build();
        await Task.Run(
                () =>
                {
                    producer.InitTransactions(TransactionTimeout);
                    producer.BeginTransaction();
                },
                cancellationToken
            )
            .ConfigureAwait(false);
        try
        {
            await Task.WhenAll(
                    writes.Select(w =>
                        producer.ProduceAsync(
                            topic,
                            new Message<byte[], byte[]?>
                            {
                                Key = Encoding.UTF8.GetBytes(w.Key),
                                Value = w.Value is null ? null : Encoding.UTF8.GetBytes(w.Value),
                            },
                            cancellationToken
                        )
                    )
                )
                .ConfigureAwait(false);
            await Task.Run(() => producer.CommitTransaction(TransactionTimeout), cancellationToken)
                .ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Nothing of a failed request counts: the transaction is aborted, then the error told.
            try
            {
                producer.AbortTransaction(TransactionTimeout);
            }
            catch (KafkaException)
            {
                // Fenced or timed out: the broker aborts it; the first error is the one to tell.
            }
            throw;
        }
    }
}
