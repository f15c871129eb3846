using KConnector.Converters.Headers;
using KConnector.Errors;
using KConnector.Offsets;
using KConnector.Transforms;

namespace KConnector.Worker;

/// <summary>
/// What a task runner needs to know, under Kafka Connect's config keys. Build it in code, or parse
/// a connector's settings with <see cref="ConnectorConfig.Parse"/> and call
/// <see cref="ConnectorConfig.ToWorkerOptions"/>.
/// </summary>
public sealed record WorkerOptions
{
    /// <summary><c>name</c>: the connector's unique name; sink consumer groups are <c>connect-{name}</c>.</summary>
    public required string Name { get; init; }

    /// <summary><c>bootstrap.servers</c>.</summary>
    public required string BootstrapServers { get; init; }

    /// <summary>The task's id (0 to <c>tasks.max</c> - 1): in logs, metrics and dead-letter headers.</summary>
    public int TaskId { get; init; }

    /// <summary>How many tasks of the connector run (<c>tasks.max</c>, capped for a connector that cannot split its work): a source task learns it through its <see cref="Tasks.SourceTaskContext"/>.</summary>
    public int TasksMax { get; init; } = 1;

    /// <summary><c>topics</c>: the topics a sink reads.</summary>
    public IReadOnlyList<string> Topics { get; init; } = [];

    /// <summary><c>topics.regex</c>: a pattern naming the topics a sink reads (instead of <see cref="Topics"/>).</summary>
    public string? TopicsRegex { get; init; }

    /// <summary><c>consumer.max.poll.records</c>: the most records handed to one put (Kafka's default, 500).</summary>
    public int MaxPollRecords { get; init; } = 500;

    /// <summary>Client settings passed to the producer or consumer as they are (<c>producer.*</c>, <c>consumer.*</c>).</summary>
    public IReadOnlyDictionary<string, string> ClientConfig { get; init; } =
        new Dictionary<string, string>();

    /// <summary>The <c>errors.*</c> settings.</summary>
    public ErrorHandlingOptions Errors { get; init; } = ErrorHandlingOptions.Default;

    /// <summary>
    /// <c>offset.flush.interval.ms</c>: how often offsets are committed (sinks flush the task first).
    /// Zero, this record's default, commits after every batch, which suits tests and code that waits
    /// for <c>RecordsCommitted</c>; the config key's default, as in Kafka Connect, is 60 s.
    /// </summary>
    public TimeSpan OffsetFlushInterval { get; init; } = TimeSpan.Zero;

    /// <summary>
    /// <c>offset.flush.timeout.ms</c>: how long a commit may wait for records in flight or for the
    /// offset store before it is given up and tried again at the next interval (default 5 s).
    /// </summary>
    public TimeSpan OffsetFlushTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Where a source's offsets are stored: a <see cref="FileOffsetBackingStore"/>
    /// (<c>offset.storage.file.filename</c>), a <see cref="KafkaOffsetBackingStore"/>
    /// (<c>offset.storage.topic</c>), or null for an in-memory store owned by the runner.
    /// The caller owns a store it passes here (and may share it between tasks).
    /// </summary>
    public IOffsetBackingStore? OffsetStore { get; init; }

    /// <summary>
    /// <c>transforms</c>: the task's single message transforms, applied after a source task's poll
    /// (before the converters) and after a sink's converters (before put), at stage
    /// <c>TRANSFORMATION</c>. <see cref="ConnectorConfig.ToWorkerOptions"/> makes one chain per task.
    /// </summary>
    public TransformationChain Transformations { get; init; } = TransformationChain.Empty;

    /// <summary>
    /// Writes a source record's header values to Kafka and reads a consumed record's header bytes
    /// for the sink task (<c>header.converter</c>; Kafka Connect's default, the SimpleHeaderConverter).
    /// </summary>
    public IHeaderConverter HeaderConverter { get; init; } = new SimpleHeaderConverter();

    /// <summary>
    /// Kafka Connect's topic tracking (KIP-558): called with the topic of each record a source task
    /// wrote (after its transforms, once Kafka acknowledged it) or a sink task read. The worker
    /// gathers them per connector for <c>GET /connectors/{name}/topics</c>; null tracks nothing.
    /// It is called for every record: keep it cheap and never let it throw.
    /// </summary>
    public Action<string>? TopicUsed { get; init; }

    /// <summary>
    /// A source task's exactly-once settings (KIP-618) when its distributed worker has
    /// <c>exactly.once.source.support=enabled</c>: its records and source offsets are written in
    /// Kafka transactions (<c>transaction.boundary</c>); null produces without transactions.
    /// </summary>
    public Distributed.ExactlyOnce.ExactlyOnceSourceSettings? ExactlyOnce { get; init; }

    /// <summary>The consumer group a sink joins: Kafka Connect's <c>connect-{name}</c>.</summary>
    public string GroupId => "connect-" + Name;
}
