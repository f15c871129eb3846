using Confluent.Kafka;
using Microsoft.Extensions.Logging;

namespace KConnector.Distributed;

/// <summary>
/// This worker's membership of the Connect group, decided by Kafka's group coordinator: a
/// consumer with the worker's <c>group.id</c> subscribes to the offsets topic with the
/// cooperative-sticky assignor, so that every live worker holds some of its partitions and a
/// worker that stops heart-beating (<c>session.timeout.ms</c>) loses them to the others. The
/// partitions are not read for their records: they only name the members (each worker claims
/// its partitions in the config topic). Confluent.Kafka cannot send Connect's own "connect"
/// protocol, hence the consumer protocol (docs/distributed.md).
/// </summary>
internal sealed partial class GroupMembership : IAsyncDisposable
{
    private readonly DistributedConfig _config;
    private readonly ILogger _logger;
    private readonly HashSet<int> _partitions = [];
    private readonly CancellationTokenSource _stop = new();
    private IConsumer<Ignore, Ignore>? _consumer;
    private Task? _loop;

    public GroupMembership(DistributedConfig config, ILogger logger)
    {
        _config = config;
        _logger = logger;
    }

    /// <summary>Raised (on the group's thread) with the partitions held after each change; empty when the membership was lost.</summary>
    public event Action<IReadOnlyCollection<int>>? Changed;

    /// <summary>The partitions this worker holds now.</summary>
    public IReadOnlyCollection<int> Partitions
    {
        get
        {
            lock (_partitions)
            {
                return [.. _partitions];
            }
        }
    }

    public void Start()
    {
        _consumer = new ConsumerBuilder<Ignore, Ignore>(
            new ConsumerConfig
            {
                BootstrapServers = _config.BootstrapServers,
                GroupId = _config.GroupId,
                ClientId = "connect-" + _config.WorkerId,
                SessionTimeoutMs = _config.SessionTimeoutMs,
                HeartbeatIntervalMs = _config.HeartbeatIntervalMs,
                // Connect's rebalance.timeout.ms is how long a member may take to rejoin: in the
                // consumer protocol, max.poll.interval.ms.
                MaxPollIntervalMs = Math.Max(_config.RebalanceTimeoutMs, _config.SessionTimeoutMs),
                PartitionAssignmentStrategy = PartitionAssignmentStrategy.CooperativeSticky,
                EnableAutoCommit = false,
                AutoOffsetReset = AutoOffsetReset.Latest,
                FetchMaxBytes = 1024 * 1024,
            }
        ).SetPartitionsAssignedHandler((_, added) => Update(added, null, lost: false)).SetPartitionsRevokedHandler((_, removed) => Update(null, removed, lost: false)).SetPartitionsLostHandler((_, _) => Update(null, null, lost: true)).Build();
        _consumer.Subscribe(_config.OffsetTopic);
        _loop = Task.Factory.StartNew(Poll, TaskCreationOptions.LongRunning);
    }

    // The consumer's thread: heartbeats run in librdkafka; Consume serves the rebalance callbacks.
    private void Poll()
    {
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                _consumer!.Consume(TimeSpan.FromMilliseconds(100));
            }
            catch (ConsumeException e)
            {
                LogGroupError(_logger, _config.GroupId, e.Error.Reason);
            }
            catch (ObjectDisposedException)
            {
                return;
            }
        }
    }

    private void Update(
        IEnumerable<TopicPartition>? added,
        IEnumerable<TopicPartitionOffset>? removed,
        bool lost
    )
    {
        IReadOnlyCollection<int> now;
        lock (_partitions)
        {
            if (lost)
            {
                _partitions.Clear();
            }
            foreach (var p in added ?? [])
            {
                _partitions.Add(p.Partition.Value);
            }
            foreach (var p in removed ?? [])
            {
                _partitions.Remove(p.Partition.Value);
            }
            now = [.. _partitions];
        }
        LogMembership(_logger, _config.WorkerId, _config.GroupId, now.Count, lost);
        Changed?.Invoke(now);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        if (_loop is { } loop)
        {
            await loop.ConfigureAwait(false);
        }
        // Close leaves the group at once: the others rebalance without waiting for the session timeout.
        _consumer?.Close();
        _consumer?.Dispose();
        _stop.Dispose();
    }

    [LoggerMessage(
        Level = LogLevel.Information,
        Message = "Worker {Worker} in group {Group}: holds {Partitions} partition(s) (membership lost: {Lost})"
    )]
    private static partial void LogMembership(
        ILogger logger,
        string worker,
        string group,
        int partitions,
        bool lost
    );

    [LoggerMessage(Level = LogLevel.Warning, Message = "Group {Group}: {Reason}")]
    private static partial void LogGroupError(ILogger logger, string group, string reason);
}
