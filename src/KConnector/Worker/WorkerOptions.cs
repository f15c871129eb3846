namespace KConnector.Worker;

/// <summary>
/// What a task runner needs to know, under Kafka Connect's config keys. Unset
/// <see cref="BootstrapServers"/> means the embedded cluster (see <c>EmbeddedKafka</c>).
/// </summary>
public sealed record WorkerOptions
{
    /// <summary><c>name</c>: the connector's unique name; sink consumer groups are <c>connect-{name}</c>.</summary>
    public required string Name { get; init; }

    /// <summary><c>bootstrap.servers</c>.</summary>
    public required string BootstrapServers { get; init; }

    /// <summary><c>topics</c>: the topics a sink reads.</summary>
    public IReadOnlyList<string> Topics { get; init; } = [];

    /// <summary><c>consumer.max.poll.records</c>: the most records handed to one put (Kafka's default, 500).</summary>
    public int MaxPollRecords { get; init; } = 500;

    /// <summary>Client settings passed to the producer or consumer as they are (<c>producer.*</c>, <c>consumer.*</c>).</summary>
    public IReadOnlyDictionary<string, string> ClientConfig { get; init; } =
        new Dictionary<string, string>();

    /// <summary>The consumer group a sink joins: Kafka Connect's <c>connect-{name}</c>.</summary>
    public string GroupId => "connect-" + Name;
}
