using KConnector.Configuration;
using KConnector.Errors;
using KConnector.Worker;

namespace KConnector.Distributed.ExactlyOnce;

/// <summary>
/// A source connector's exactly-once settings (KIP-618) over its worker's: the worker's
/// <c>exactly.once.source.support</c> and <c>group.id</c>, the connector's
/// <c>exactly.once.support</c>, <c>transaction.boundary</c>, <c>transaction.boundary.interval.ms</c>
/// and <c>offsets.storage.topic</c>. <see cref="Parse"/> gives Kafka Connect's preflight refusals,
/// each naming its key. docs/distributed.md, "Exactly-once sources".
/// </summary>
public sealed record ExactlyOnceSourceSettings
{
    /// <summary><c>exactly.once.source.support</c>: the worker's key.</summary>
    public const string WorkerSupportKey = "exactly.once.source.support";

    /// <summary><c>exactly.once.support</c>: the connector's key.</summary>
    public const string SupportKey = "exactly.once.support";

    /// <summary><c>transaction.boundary</c>.</summary>
    public const string BoundaryKey = "transaction.boundary";

    /// <summary><c>transaction.boundary.interval.ms</c>.</summary>
    public const string BoundaryIntervalKey = "transaction.boundary.interval.ms";

    /// <summary><c>offsets.storage.topic</c>: the connector's own offsets topic (not the worker's <c>offset.storage.topic</c>).</summary>
    public const string OffsetsTopicKey = "offsets.storage.topic";

    /// <summary>The worker's <c>exactly.once.source.support</c>.</summary>
    public ExactlyOnceSourceSupport WorkerSupport { get; init; }

    /// <summary>The worker's <c>group.id</c>; empty on a standalone worker.</summary>
    public string GroupId { get; init; } = "";

    /// <summary><c>exactly.once.support</c>.</summary>
    public ExactlyOnceSupportLevel Support { get; init; }

    /// <summary><c>transaction.boundary</c>.</summary>
    public TransactionBoundary Boundary { get; init; }

    /// <summary><c>transaction.boundary.interval.ms</c>, or the worker's <c>offset.flush.interval.ms</c> when unset.</summary>
    public TimeSpan BoundaryInterval { get; init; }

    /// <summary><c>offsets.storage.topic</c>, or null: the worker's offsets topic.</summary>
    public string? OffsetsTopic { get; init; }

    /// <summary>
    /// Whether the connector's tasks write in transactions: a distributed worker (Connect has no
    /// exactly-once standalone mode) with <c>exactly.once.source.support=enabled</c>.
    /// </summary>
    public bool Transactional =>
        WorkerSupport == ExactlyOnceSourceSupport.Enabled && GroupId.Length > 0;

    /// <summary>
    /// The transactional id of task <paramref name="taskId"/>, as Kafka Connect builds it:
    /// <c>{group.id}-{connector}-{task}</c>. The same id for every instance of the task, so starting
    /// one fences the one before it.
    /// </summary>
    public string TransactionalId(string connector, int taskId) =>
        $"{GroupId}-{connector}-{taskId}";

    /// <summary>
    /// Reads the settings from a connector's settings merged over its worker's, and refuses what
    /// Kafka Connect's preflight validation refuses (a <see cref="ConfigException"/> naming the key).
    /// </summary>
    /// <param name="all">The connector's settings over its worker's.</param>
    /// <param name="offsetFlushInterval">The worker's <c>offset.flush.interval.ms</c>.</param>
    /// <param name="connector">
    /// The connector's own validated config, whose definition carries what its descriptor declares
    /// (<see cref="Configuration.ConfigDefinition.ExactlyOnceSupport"/>,
    /// <see cref="Configuration.ConfigDefinition.CanDefineTransactionBoundaries"/>). Kafka Connect's
    /// preflight asks the connector about its own config, not its worker's, and only when the answer
    /// matters: <c>exactly.once.support=required</c> or <c>transaction.boundary=connector</c> on an
    /// enabled worker. Null: the connector declares nothing.
    /// </param>
    public static ExactlyOnceSourceSettings Parse(
        Dictionary<string, string> all,
        TimeSpan offsetFlushInterval,
        ParsedConfig? connector = null
    )
    {
        ArgumentNullException.ThrowIfNull(all);
        var settings = new ExactlyOnceSourceSettings
        {
            WorkerSupport = OneOf(
                all,
                WorkerSupportKey,
                ExactlyOnceSourceSupport.Disabled,
                ("disabled", ExactlyOnceSourceSupport.Disabled),
                ("preparing", ExactlyOnceSourceSupport.Preparing),
                ("enabled", ExactlyOnceSourceSupport.Enabled)
            ),
            GroupId = all.TryGetValue("group.id", out var group) ? group.Trim() : "",
            Support = OneOf(
                all,
                SupportKey,
                ExactlyOnceSupportLevel.Requested,
                ("requested", ExactlyOnceSupportLevel.Requested),
                ("required", ExactlyOnceSupportLevel.Required)
            ),
            Boundary = OneOf(
                all,
                BoundaryKey,
                TransactionBoundary.Poll,
                ("poll", TransactionBoundary.Poll),
                ("interval", TransactionBoundary.Interval),
                ("connector", TransactionBoundary.Connector)
            ),
            BoundaryInterval =
                all.TryGetValue(BoundaryIntervalKey, out var interval)
                && !string.IsNullOrWhiteSpace(interval)
                    ? TimeSpan.FromMilliseconds(
                        ConnectorConfig.Long(all, BoundaryIntervalKey, 0, min: 0)
                    )
                    : offsetFlushInterval,
            OffsetsTopic =
                all.TryGetValue(OffsetsTopicKey, out var topic) && !string.IsNullOrWhiteSpace(topic)
                    ? topic.Trim()
                    : null,
        };
        settings.Preflight(connector);
        return settings;
    }

    // Kafka Connect's preflight checks (DistributedHerder): what it would refuse to create.
    private void Preflight(ParsedConfig? connector)
    {
        if (Support == ExactlyOnceSupportLevel.Required && !Transactional)
        {
            throw new ConfigException(
                SupportKey,
                "This worker does not have exactly-once source support enabled."
            );
        }
        if (!Transactional)
        {
            return;
        }
        if (Support == ExactlyOnceSupportLevel.Required)
        {
            RequireDeclaredSupport(
                connector?.Definition.ExactlyOnceSupport?.Invoke(connector.Originals)
            );
        }
        // Connect's SourceConnector.canDefineTransactionBoundaries: UNSUPPORTED unless declared.
        if (
            Boundary == TransactionBoundary.Connector
            && connector?.Definition.CanDefineTransactionBoundaries?.Invoke(connector.Originals)
                != ConnectorTransactionBoundaries.Supported
        )
        {
            throw new ConfigException(
                BoundaryKey,
                "The connector does not support connector-defined transaction boundaries with the given configuration. Please reconfigure it to use a different transaction boundary definition."
            );
        }
    }

    // Connect's SourceConnector.exactlyOnceSupport: null (not declared) and UNSUPPORTED are
    // refused with Connect's own messages; SUPPORTED is accepted.
    private static void RequireDeclaredSupport(ExactlyOnceSupport? declared)
    {
        switch (declared)
        {
            case ExactlyOnceSupport.Supported:
                return;
            case ExactlyOnceSupport.Unsupported:
                throw new ConfigException(
                    SupportKey,
                    "The connector does not support exactly-once semantics with the provided configuration."
                );
            default:
                throw new ConfigException(
                    SupportKey,
                    "The connector does not implement the API required for preflight validation of exactly-once source support. Please consult the documentation for the connector to determine whether it supports exactly-once semantics, and then consider reconfiguring the connector to use the value \"requested\" for this property (which will disable this preflight check and allow the connector to be created)."
                );
        }
    }

    private static T OneOf<T>(
        Dictionary<string, string> all,
        string key,
        T fallback,
        params (string Name, T Value)[] values
    )
    {
        if (!all.TryGetValue(key, out var text) || string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }
        foreach (var (name, value) in values)
        {
            if (string.Equals(name, text.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }
        throw new ConfigException(
            key,
            $"Invalid value {text} for configuration {key}: String must be one of: {string.Join(", ", values.Select(v => v.Name))}"
        );
    }
}
