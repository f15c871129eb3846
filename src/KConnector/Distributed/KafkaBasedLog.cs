using System.Text;
using Confluent.Kafka;

namespace KConnector.Distributed;

/// <summary>
/// A topic read as a log, as Kafka Connect's <c>KafkaBasedLog</c>: <see cref="StartAsync"/> reads
/// every partition from the beginning to its end (a bounded wait), then a background loop follows
/// it, handing each record to the callback in order; <see cref="SendAsync"/> produces with
/// <c>acks=all</c> and idempotence; <see cref="ReadToEndAsync"/> waits until everything written
/// before the call has been read (what Connect's <c>readToEnd</c> promises).
/// </summary>
internal sealed class KafkaBasedLog : IAsyncDisposable
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);
    private readonly string _topic;
    private readonly string _servers;
    private readonly Action<string, string?, long> _onRecord;
    private readonly CancellationTokenSource _stop = new();
    private readonly Dictionary<int, long> _positions = [];
    private IProducer<byte[], byte[]?>? _producer;
    private IConsumer<byte[]?, byte[]?>? _consumer;
    private Task? _follow;

    public KafkaBasedLog(string topic, string servers, Action<string, string?, long> onRecord)
    {
        _topic = topic;
        _servers = servers;
        _onRecord = onRecord;
    }

    public string Topic => _topic;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _producer = new ProducerBuilder<byte[], byte[]?>(
            new ProducerConfig
            {
                BootstrapServers = _servers,
                EnableIdempotence = true,
                Acks = Acks.All,
                Partitioner = Partitioner.Murmur2Random,
                LingerMs = 0,
            }
        ).Build();
        _consumer = new ConsumerBuilder<byte[]?, byte[]?>(
            new ConsumerConfig
            {
                BootstrapServers = _servers,
                GroupId = "kconnector-log-" + _topic, // Never joined: partitions are assigned.
                EnableAutoCommit = false,
                AllowAutoCreateTopics = false,
                FetchWaitMaxMs = 50,
            }
        ).Build();
        var partitions = await Task.Run(Partitions, cancellationToken).ConfigureAwait(false);
        _consumer.Assign(
            partitions.Select(p => new TopicPartitionOffset(_topic, p, Offset.Beginning))
        );
        lock (_positions)
        {
            foreach (var p in partitions)
            {
                _positions[p] = 0;
            }
        }
        _follow = Task.Factory.StartNew(Follow, TaskCreationOptions.LongRunning);
        await ReadToEndAsync(cancellationToken).ConfigureAwait(false);
    }

    // The topic's partitions; the workers expect the three topics to exist (docs/distributed.md).
    private List<int> Partitions()
    {
        using var admin = new DependentAdminClientBuilder(_consumer!.Handle).Build();
        var deadline = DateTime.UtcNow + Bound;
        while (true)
        {
            var topic = admin
                .GetMetadata(_topic, TimeSpan.FromSeconds(10))
                .Topics.SingleOrDefault(t => t.Topic == _topic);
            if (topic is { Error.IsError: false, Partitions.Count: > 0 })
            {
                return [.. topic.Partitions.Select(p => p.PartitionId).Order()];
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException(
                    $"The topic '{_topic}' does not exist on {_servers}: create it before starting a distributed worker ({topic?.Error.Reason})."
                );
            }
            Thread.Sleep(500);
        }
    }

    private void Follow()
    {
        while (!_stop.IsCancellationRequested)
        {
            ConsumeResult<byte[]?, byte[]?>? result;
            try
            {
                result = _consumer!.Consume(TimeSpan.FromMilliseconds(100));
            }
            catch (ConsumeException)
            {
                continue; // A broker's transient error: the next consume retries.
            }
            catch (ObjectDisposedException)
            {
                return;
            }
            if (result?.Message is null)
            {
                continue;
            }
            if (result.Message.Key is { } key)
            {
                var value = result.Message.Value is { } v ? Encoding.UTF8.GetString(v) : null;
                _onRecord(Encoding.UTF8.GetString(key), value, result.Offset.Value);
            }
            lock (_positions)
            {
                _positions[result.Partition.Value] = result.Offset.Value + 1;
            }
        }
    }

    /// <summary>Waits until every record written before the call has been handed to the callback.</summary>
    public async Task ReadToEndAsync(CancellationToken cancellationToken)
    {
        Dictionary<int, long> ends;
        lock (_positions)
        {
            ends = _positions.Keys.ToDictionary(p => p, p => 0L);
        }
        await Task.Run(
                () =>
                {
                    foreach (var p in ends.Keys)
                    {
                        ends[p] = _consumer!
                            .QueryWatermarkOffsets(
                                new TopicPartition(_topic, p),
                                TimeSpan.FromSeconds(10)
                            )
                            .High.Value;
                    }
                },
                cancellationToken
            )
            .ConfigureAwait(false);
        var deadline = DateTime.UtcNow + Bound;
        while (!Reached(ends))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException(
                    $"Reading the topic '{_topic}' did not reach its end within {Bound.TotalSeconds} s."
                );
            }
            await Task.Delay(20, cancellationToken).ConfigureAwait(false);
        }
    }

    private bool Reached(Dictionary<int, long> ends)
    {
        lock (_positions)
        {
            return ends.All(e => _positions[e.Key] >= e.Value);
        }
    }

    /// <summary>Writes <paramref name="value"/> (null: a tombstone) under <paramref name="key"/>; durable when it completes.</summary>
    public async Task SendAsync(string key, string? value, CancellationToken cancellationToken)
    {
        var producer =
            _producer ?? throw new InvalidOperationException("StartAsync has not been called.");
        await producer
            .ProduceAsync(
                _topic,
                new Message<byte[], byte[]?>
                {
                    Key = Encoding.UTF8.GetBytes(key),
                    Value = value is null ? null : Encoding.UTF8.GetBytes(value),
                },
                cancellationToken
            )
            .ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        if (_follow is { } follow)
        {
            await follow.ConfigureAwait(false);
        }
        _consumer?.Close();
        _consumer?.Dispose();
        _producer?.Flush(TimeSpan.FromSeconds(10));
        _producer?.Dispose();
        _stop.Dispose();
    }
}
