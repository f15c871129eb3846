using System.Text;
using Confluent.Kafka;

namespace KConnector.Offsets;

/// <summary>
/// Offsets in a Kafka topic (<c>offset.storage.topic</c>), as Kafka Connect's
/// <c>KafkaOffsetBackingStore</c>: each commit produces one record per source partition, keyed by
/// <c>["connector",{partition}]</c> with the offset as a JSON value, through an idempotent
/// producer with <c>acks=all</c> and Java's murmur2 partitioner (so a key lands in the same
/// partition as when Kafka Connect writes it). <see cref="MemoryOffsetBackingStore.StartAsync"/> reads the topic from the
/// beginning to its end; the last record of a key wins, as after compaction.
/// </summary>
public sealed class KafkaOffsetBackingStore : MemoryOffsetBackingStore
{
    private static readonly TimeSpan MetadataTimeout = TimeSpan.FromSeconds(30);
    private readonly string _topic;
    private readonly string _bootstrapServers;
    private readonly IReadOnlyDictionary<string, string> _clientConfig;
    private IProducer<byte[], byte[]>? _producer;

    /// <summary>Creates the store over <paramref name="topic"/>; nothing connects until <see cref="MemoryOffsetBackingStore.StartAsync"/>.</summary>
    public KafkaOffsetBackingStore(
        string topic,
        string bootstrapServers,
        IReadOnlyDictionary<string, string>? clientConfig = null
    )
    {
        ArgumentException.ThrowIfNullOrEmpty(topic);
        ArgumentException.ThrowIfNullOrEmpty(bootstrapServers);
        _topic = topic;
        _bootstrapServers = bootstrapServers;
        _clientConfig = clientConfig ?? new Dictionary<string, string>();
    }

    /// <summary>The offsets topic.</summary>
    public string Topic => _topic;

    /// <inheritdoc/>
    protected override ValueTask LoadAsync(CancellationToken cancellationToken)
    {
        _producer = new ProducerBuilder<byte[], byte[]>(
            new ProducerConfig(new Dictionary<string, string>(_clientConfig))
            {
                BootstrapServers = _bootstrapServers,
                EnableIdempotence = true,
                Acks = Acks.All,
                Partitioner = Partitioner.Murmur2Random,
            }
        ).Build();
        return new ValueTask(Task.Run(() => ReadToEnd(cancellationToken), cancellationToken));
    }

    /// <summary>
    /// Reads the topic again to its end, as Kafka Connect's store does before a task starts in
    /// distributed mode: offsets another worker committed (a task that moved here) are seen.
    /// </summary>
    public Task ReadToEndAsync(CancellationToken cancellationToken) =>
        Task.Run(() => ReadToEnd(cancellationToken), cancellationToken);

    /// <summary>
    /// Takes offsets a transactional source task committed to the topic itself (KIP-618): they
    /// are durable already, only this store's view is brought up to date.
    /// </summary>
    internal void Committed(IReadOnlyCollection<KeyValuePair<string, string>> values)
    {
        foreach (var (key, value) in values)
        {
            Load(key, value);
        }
    }

    private void ReadToEnd(CancellationToken cancellationToken)
    {
        using var consumer = new ConsumerBuilder<byte[]?, byte[]?>(
            new ConsumerConfig(new Dictionary<string, string>(_clientConfig))
            {
                BootstrapServers = _bootstrapServers,
                GroupId = "kconnector-offsets-reader",
                EnableAutoCommit = false,
                AllowAutoCreateTopics = true,
                // read_committed (librdkafka's default): offsets of a transaction not committed are
                // never read. Such a topic ends with a transaction marker no record carries, so
                // its end is the partition's EOF, not the last record's offset.
                EnablePartitionEof = true,
            }
        ).Build();
        using var admin = new DependentAdminClientBuilder(consumer.Handle).Build();
        var metadata = admin.GetMetadata(_topic, MetadataTimeout);
        var topic = metadata.Topics.SingleOrDefault(t => t.Topic == _topic);
        if (topic is null || topic.Error.IsError || topic.Partitions.Count == 0)
        {
            return; // No offsets yet: the topic is created by the first commit.
        }
        var ends = new Dictionary<int, long>();
        foreach (var partition in topic.Partitions)
        {
            var tp = new TopicPartition(_topic, partition.PartitionId);
            var high = consumer.QueryWatermarkOffsets(tp, MetadataTimeout).High.Value;
            if (high > 0)
            {
                ends[partition.PartitionId] = high;
            }
        }
        consumer.Assign(
            ends.Keys.Select(p => new TopicPartitionOffset(_topic, p, Offset.Beginning))
        );
        var deadline = DateTime.UtcNow + MetadataTimeout;
        while (ends.Count > 0)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException(
                    $"Reading the offsets topic '{_topic}' did not reach its end within {MetadataTimeout.TotalSeconds} s."
                );
            }
            var result = consumer.Consume(TimeSpan.FromMilliseconds(200));
            cancellationToken.ThrowIfCancellationRequested();
            if (result is null)
            {
                continue;
            }
            if (result.IsPartitionEOF)
            {
                // Caught up with what may be read: the high watermark, or under a transaction
                // still open the last stable offset (a zombie's open transaction is fenced, then
                // aborted, by the broker; its records never count).
                ends.Remove(result.Partition.Value);
                continue;
            }
            if (result.Message.Key is { } key)
            {
                var text = Encoding.UTF8.GetString(key);
                if (result.Message.Value is { } value)
                {
                    Load(text, Encoding.UTF8.GetString(value));
                }
                else
                {
                    Unload(text); // A tombstone: KIP-875's reset of that partition.
                }
            }
            if (
                ends.TryGetValue(result.Partition.Value, out var end)
                && result.Offset.Value + 1 >= end
            )
            {
                ends.Remove(result.Partition.Value);
            }
        }
    }

    /// <inheritdoc/>
    public override async ValueTask SetAsync(
        IReadOnlyCollection<KeyValuePair<string, string>> values,
        CancellationToken cancellationToken
    )
    {
        var producer =
            _producer ?? throw new InvalidOperationException("StartAsync has not been called.");
        var writes = values
            .Select(kv =>
                producer.ProduceAsync(
                    _topic,
                    new Message<byte[], byte[]>
                    {
                        Key = Encoding.UTF8.GetBytes(kv.Key),
                        Value = Encoding.UTF8.GetBytes(kv.Value),
                    },
                    cancellationToken
                )
            )
            .ToList();
        await Task.WhenAll(writes).ConfigureAwait(false);
        await base.SetAsync(values, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public override async ValueTask RemoveAsync(
        IReadOnlyCollection<string> keys,
        CancellationToken cancellationToken
    )
    {
        ArgumentNullException.ThrowIfNull(keys);
        var producer =
            _producer ?? throw new InvalidOperationException("StartAsync has not been called.");
        var writes = keys.Select(key =>
                producer.ProduceAsync(
                    _topic,
                    new Message<byte[], byte[]>
                    {
                        Key = Encoding.UTF8.GetBytes(key),
                        Value = null!,
                    },
                    cancellationToken
                )
            )
            .ToList();
        await Task.WhenAll(writes).ConfigureAwait(false);
        await base.RemoveAsync(keys, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public override ValueTask DisposeAsync()
    {
        if (_producer is { } producer)
        {
            producer.Flush(TimeSpan.FromSeconds(10));
            producer.Dispose();
        }
        return base.DisposeAsync();
    }
}
