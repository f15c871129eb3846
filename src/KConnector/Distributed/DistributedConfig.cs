using KConnector.Configuration;
using KConnector.Configuration.Framework;

namespace KConnector.Distributed;

/// <summary>
/// A distributed worker's keys (Kafka Connect's <c>DistributedConfig</c>), read through their one
/// definition, <see cref="WorkerConfigDefinition"/>: its defaults and checks.
/// </summary>
public sealed record DistributedConfig
{
    /// <summary><c>group.id</c>: the Connect cluster this worker belongs to.</summary>
    public required string GroupId { get; init; }

    /// <summary><c>config.storage.topic</c> (one partition).</summary>
    public required string ConfigTopic { get; init; }

    /// <summary><c>offset.storage.topic</c>.</summary>
    public required string OffsetTopic { get; init; }

    /// <summary><c>status.storage.topic</c>.</summary>
    public required string StatusTopic { get; init; }

    /// <summary><c>config.storage.replication.factor</c> (-1: the broker's default), used when the worker creates the topic.</summary>
    public short ConfigReplicationFactor { get; init; } = 3;

    /// <summary><c>offset.storage.partitions</c>, used when the worker creates the topic.</summary>
    public int OffsetPartitions { get; init; } = 25;

    /// <summary><c>offset.storage.replication.factor</c> (-1: the broker's default).</summary>
    public short OffsetReplicationFactor { get; init; } = 3;

    /// <summary><c>status.storage.partitions</c>, used when the worker creates the topic.</summary>
    public int StatusPartitions { get; init; } = 5;

    /// <summary><c>status.storage.replication.factor</c> (-1: the broker's default).</summary>
    public short StatusReplicationFactor { get; init; } = 3;

    /// <summary><c>bootstrap.servers</c>.</summary>
    public required string BootstrapServers { get; init; }

    /// <summary>This worker's id: <c>rest.advertised.host.name:rest.advertised.port</c>, else the first listener's host and port.</summary>
    public required string WorkerId { get; init; }

    /// <summary>
    /// This worker's REST URL as other workers reach it (Kafka Connect's advertised URL, where
    /// requests are forwarded): <c>rest.advertised.listener</c>'s scheme, else the first listener's,
    /// and the worker id's host and port; null when it serves no REST API.
    /// </summary>
    public string? AdvertisedUrl { get; init; }

    /// <summary><c>scheduled.rebalance.max.delay.ms</c>: how long a departed worker's work waits for it to come back.</summary>
    public TimeSpan ScheduledRebalanceMaxDelay { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary><c>heartbeat.interval.ms</c>.</summary>
    public int HeartbeatIntervalMs { get; init; } = 3000;

    /// <summary><c>session.timeout.ms</c>.</summary>
    public int SessionTimeoutMs { get; init; } = 10000;

    /// <summary><c>rebalance.timeout.ms</c>.</summary>
    public int RebalanceTimeoutMs { get; init; } = 60000;

    /// <summary>Whether <paramref name="worker"/> asks for distributed mode (it names a <c>group.id</c>).</summary>
    public static bool IsDistributed(IReadOnlyDictionary<string, string> worker) =>
        worker.TryGetValue(GroupIdKey, out var group) && !string.IsNullOrWhiteSpace(group);

    internal const string GroupIdKey = "group.id";

    /// <summary>
    /// Reads the keys; a missing topic, a bad number or no <c>bootstrap.servers</c> throws a
    /// <see cref="ConfigValidationException"/> naming every key at fault.
    /// </summary>
    public static DistributedConfig From(IReadOnlyDictionary<string, string> worker)
    {
        ArgumentNullException.ThrowIfNull(worker);
        var parsed = WorkerConfigDefinition.Definition.Parse(
            worker.ToDictionary(kv => kv.Key, kv => (string?)kv.Value, StringComparer.Ordinal)
        );
        var keys = new[]
        {
            GroupIdKey,
            "config.storage.topic",
            "offset.storage.topic",
            "status.storage.topic",
            "scheduled.rebalance.max.delay.ms",
            "heartbeat.interval.ms",
            "session.timeout.ms",
            "rebalance.timeout.ms",
            "rest.advertised.port",
            "rest.advertised.listener",
            "config.storage.replication.factor",
            "offset.storage.partitions",
            "offset.storage.replication.factor",
            "status.storage.partitions",
            "status.storage.replication.factor",
        };
        var issues = parsed.Issues.Where(i => keys.Contains(i.Key)).ToList();
        foreach (var key in keys.Take(4))
        {
            if (string.IsNullOrWhiteSpace(parsed.Get<string>(key)))
            {
                issues.Add(new ConfigIssue(key, "is required in distributed mode"));
            }
        }
        var servers = worker.GetValueOrDefault("bootstrap.servers");
        if (string.IsNullOrWhiteSpace(servers))
        {
            // The embedded cluster lives in one process: workers cannot share it.
            issues.Add(
                new ConfigIssue(
                    "bootstrap.servers",
                    "is required in distributed mode: workers share a Kafka cluster, not an embedded one"
                )
            );
        }
        if (issues.Count > 0)
        {
            throw new ConfigValidationException("worker", issues);
        }
        return new DistributedConfig
        {
            GroupId = parsed.Get<string>(GroupIdKey)!,
            ConfigTopic = parsed.Get<string>("config.storage.topic")!,
            OffsetTopic = parsed.Get<string>("offset.storage.topic")!,
            StatusTopic = parsed.Get<string>("status.storage.topic")!,
            BootstrapServers = servers!,
            WorkerId = WorkerIdOf(worker, parsed),
            AdvertisedUrl = AdvertisedUrlOf(worker, parsed),
            ConfigReplicationFactor = (short)parsed.Get<int>("config.storage.replication.factor"),
            OffsetPartitions = parsed.Get<int>("offset.storage.partitions"),
            OffsetReplicationFactor = (short)parsed.Get<int>("offset.storage.replication.factor"),
            StatusPartitions = parsed.Get<int>("status.storage.partitions"),
            StatusReplicationFactor = (short)parsed.Get<int>("status.storage.replication.factor"),
            ScheduledRebalanceMaxDelay = TimeSpan.FromMilliseconds(
                parsed.Get<int>("scheduled.rebalance.max.delay.ms")
            ),
            HeartbeatIntervalMs = parsed.Get<int>("heartbeat.interval.ms"),
            SessionTimeoutMs = parsed.Get<int>("session.timeout.ms"),
            RebalanceTimeoutMs = parsed.Get<int>("rebalance.timeout.ms"),
        };
    }

    // Connect's worker id is the advertised REST URL's host:port; with no REST listener (or port 0)
    // a unique id keeps two workers on one host apart.
    private static string WorkerIdOf(
        IReadOnlyDictionary<string, string> worker,
        ParsedConfig parsed
    )
    {
        var (host, port) = Advertised(worker, parsed);
        return port > 0
            ? $"{host}:{port}"
            : $"{host}:{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..8]}";
    }

    // Connect's advertisedUrl, where other workers forward requests: the scheme of
    // rest.advertised.listener or of the first listener, the advertised host and port.
    private static string? AdvertisedUrlOf(
        IReadOnlyDictionary<string, string> worker,
        ParsedConfig parsed
    )
    {
        var (host, port) = Advertised(worker, parsed);
        if (FirstListener(worker) is not { } listener || port <= 0)
        {
            return null;
        }
        var scheme = parsed.Get<string>("rest.advertised.listener") is { Length: > 0 } given
            ? given.ToLowerInvariant()
            : listener.Scheme;
        return $"{scheme}://{host}:{port}/";
    }

    private static (string Host, int Port) Advertised(
        IReadOnlyDictionary<string, string> worker,
        ParsedConfig parsed
    )
    {
        var listener = FirstListener(worker);
        var host = parsed.Get<string>("rest.advertised.host.name");
        if (string.IsNullOrWhiteSpace(host))
        {
            host = listener?.Host is { Length: > 0 } h and not "0.0.0.0"
                ? h
                : Environment.MachineName;
        }
        var port = worker.ContainsKey("rest.advertised.port")
            ? parsed.Get<int>("rest.advertised.port")
            : listener?.Port ?? 0;
        return (host, port);
    }

    // Kafka Connect writes http://:8083 for every interface.
    private static Uri? FirstListener(IReadOnlyDictionary<string, string> worker) =>
        (worker.GetValueOrDefault("listeners") ?? string.Empty)
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(l =>
                Uri.TryCreate(
                    l.Replace("://:", "://0.0.0.0:", StringComparison.Ordinal),
                    UriKind.Absolute,
                    out var uri
                )
                    ? uri
                    : null
            )
            .FirstOrDefault(u => u is not null);
}
