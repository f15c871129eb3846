using System.Globalization;
using System.Text.Json.Nodes;
using KConnector.Hosting;

namespace KConnector.Distributed;

/// <summary>
/// The config topic (<c>config.storage.topic</c>, one partition so that every worker reads the
/// same order), with Kafka Connect's <c>KafkaConfigBackingStore</c> records: <c>connector-NAME</c>
/// {"properties":{...}}, <c>task-NAME-N</c> {"properties":{...}}, <c>commit-NAME</c>
/// {"tasks":N}, <c>target-state-NAME</c> {"state":"STARTED|PAUSED","state.v2":"...|STOPPED"},
/// <c>tasks-fencing-NAME</c> {"task-count":N} (KIP-618's task count record), tombstones on delete. KConnector adds <c>kconnector-member-WORKER</c> (the group partitions a
/// worker was given) and <c>kconnector-assignment</c> (the leader's answer), which Connect would
/// skip as unknown keys (docs/distributed.md).
/// </summary>
public sealed class KafkaConfigBackingStore : IAsyncDisposable
{
    internal const string AssignmentKey = "kconnector-assignment";
    internal const string MemberPrefix = "kconnector-member-";
    private const string RestartPrefix = "restart-connector-";
    private const string TaskCountPrefix = "tasks-fencing-";
    private readonly KafkaBasedLog _log;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, IReadOnlyDictionary<string, string>> _connectors = new(
        StringComparer.Ordinal
    );
    private readonly Dictionary<string, int> _taskCounts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TargetState> _targets = new(StringComparer.Ordinal);
    private readonly Dictionary<int, string> _partitionOwners = [];
    private readonly Dictionary<string, string> _workerUrls = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IReadOnlyDictionary<string, string>> _firstTaskConfigs =
        new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _taskCountRecords = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _taskConfigGenerations = new(StringComparer.Ordinal);
    private readonly HashSet<string> _pendingFencing = new(StringComparer.Ordinal);
    private ClusterAssignment _assignment = ClusterAssignment.Empty;
    private readonly Queue<RestartRequest> _restarts = new();
    private bool _following;

    /// <summary>Creates the store over <paramref name="topic"/>; nothing connects until <see cref="StartAsync"/>.</summary>
    public KafkaConfigBackingStore(string topic, string bootstrapServers)
    {
        _log = new KafkaBasedLog(topic, bootstrapServers, Apply);
    }

    /// <summary>Raised (on the reading thread) after each record read.</summary>
    public event Action? Changed;

    /// <summary>Reads the topic to its end, then follows it.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await _log.StartAsync(cancellationToken).ConfigureAwait(false);
        lock (_gate)
        {
            // Restart requests are acted on when they arrive, not replayed at a worker's start.
            _following = true;
            _restarts.Clear();
        }
    }

    /// <summary>Waits until every record written before the call is read.</summary>
    public Task ReadToEndAsync(CancellationToken cancellationToken) =>
        _log.ReadToEndAsync(cancellationToken);

    /// <summary>Every connector's config, as last written.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Connectors
    {
        get
        {
            lock (_gate)
            {
                return new Dictionary<string, IReadOnlyDictionary<string, string>>(_connectors);
            }
        }
    }

    /// <summary>How many tasks a connector's last commit record announced (0 before the first).</summary>
    public int TaskCount(string connector)
    {
        lock (_gate)
        {
            return _taskCounts.GetValueOrDefault(connector);
        }
    }

    /// <summary>
    /// The task count of the connector's last task generation brought up with exactly-once
    /// support (Connect's task count record, <c>tasks-fencing-NAME</c> {"task-count":N}): the
    /// transactional ids a zombie of that generation may hold. Null when none was written.
    /// </summary>
    public int? TaskCountRecord(string connector)
    {
        lock (_gate)
        {
            return _taskCountRecords.TryGetValue(connector, out var count) ? count : null;
        }
    }

    /// <summary>
    /// Whether the connector's latest task configs (its last commit record) came after its last
    /// task count record: Connect's <c>pendingFencing</c>, a new task generation whose exactly-once
    /// tasks wait for the leader's round of zombie fencing.
    /// </summary>
    public bool PendingFencing(string connector)
    {
        lock (_gate)
        {
            return _pendingFencing.Contains(connector);
        }
    }

    /// <summary>How many commit records of the connector were read (Connect's task config generation).</summary>
    public int TaskConfigGeneration(string connector)
    {
        lock (_gate)
        {
            return _taskConfigGenerations.GetValueOrDefault(connector);
        }
    }

    /// <summary>The config of the connector's task 0 as last written, or null.</summary>
    public IReadOnlyDictionary<string, string>? FirstTaskConfig(string connector)
    {
        lock (_gate)
        {
            return _firstTaskConfigs.GetValueOrDefault(connector);
        }
    }

    /// <summary>The connector's target state (STARTED until one is written).</summary>
    public TargetState TargetState(string connector)
    {
        lock (_gate)
        {
            return _targets.GetValueOrDefault(connector, Hosting.TargetState.STARTED);
        }
    }

    /// <summary>The latest assignment written by a leader.</summary>
    public ClusterAssignment Assignment
    {
        get
        {
            lock (_gate)
            {
                return _assignment;
            }
        }
    }

    /// <summary>The live workers: each owns at least one group partition by its latest claim.</summary>
    public IReadOnlyDictionary<int, string> PartitionOwners
    {
        get
        {
            lock (_gate)
            {
                return new Dictionary<int, string>(_partitionOwners);
            }
        }
    }

    /// <summary>A worker's REST URL, as its latest claim advertised it; null when it serves none.</summary>
    public string? UrlOf(string worker)
    {
        lock (_gate)
        {
            return _workerUrls.GetValueOrDefault(worker);
        }
    }

    /// <summary>Writes a connector's config (Connect's <c>putConnectorConfig</c>).</summary>
    public Task PutConnectorConfigAsync(
        string name,
        IReadOnlyDictionary<string, string> config,
        CancellationToken cancellationToken
    ) => _log.SendAsync("connector-" + name, Properties(config), cancellationToken);

    /// <summary>Writes a connector's task configs, then the commit record that makes them count.</summary>
    public async Task PutTaskConfigsAsync(
        string name,
        IReadOnlyList<IReadOnlyDictionary<string, string>> tasks,
        CancellationToken cancellationToken
    )
    {
        for (var n = 0; n < tasks.Count; n++)
        {
            await _log.SendAsync(
                    $"task-{name}-{n.ToString(CultureInfo.InvariantCulture)}",
                    Properties(tasks[n]),
                    cancellationToken
                )
                .ConfigureAwait(false);
        }
        await _log.SendAsync(
                "commit-" + name,
                new JsonObject { ["tasks"] = tasks.Count }.ToJsonString(),
                cancellationToken
            )
            .ConfigureAwait(false);
    }

    /// <summary>
    /// Writes the connector's task count record (Connect's <c>putTaskCountRecord</c>:
    /// <c>tasks-fencing-NAME</c> {"task-count":N}), after the leader fenced out the previous task
    /// generation; the new generation's exactly-once tasks start once it is read.
    /// </summary>
    public Task PutTaskCountRecordAsync(
        string name,
        int taskCount,
        CancellationToken cancellationToken
    ) =>
        _log.SendAsync(
            TaskCountPrefix + name,
            new JsonObject { ["task-count"] = taskCount }.ToJsonString(),
            cancellationToken
        );

    /// <summary>Writes a connector's target state; STOPPED is written as Connect 3.5+ writes it.</summary>
    public Task PutTargetStateAsync(
        string name,
        TargetState state,
        CancellationToken cancellationToken
    )
    {
        var value = new JsonObject
        {
            // Older readers know only STARTED and PAUSED (KIP-875).
            ["state"] = state == Hosting.TargetState.STOPPED ? "PAUSED" : state.ToString(),
            ["state.v2"] = state.ToString(),
        };
        return _log.SendAsync("target-state-" + name, value.ToJsonString(), cancellationToken);
    }

    /// <summary>Deletes a connector: tombstones for its config and target state, as Connect's <c>removeConnectorConfig</c>.</summary>
    public async Task RemoveConnectorConfigAsync(string name, CancellationToken cancellationToken)
    {
        await _log.SendAsync("connector-" + name, null, cancellationToken).ConfigureAwait(false);
        await _log.SendAsync("target-state-" + name, null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Writes a restart request (Connect's <c>restart-connector-NAME</c> {"include-tasks","only-failed"}, KIP-745).</summary>
    public Task PutRestartRequestAsync(RestartRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var value = new JsonObject
        {
            ["include-tasks"] = request.IncludeTasks,
            ["only-failed"] = request.OnlyFailed,
        };
        return _log.SendAsync(
            RestartPrefix + request.Connector,
            value.ToJsonString(),
            cancellationToken
        );
    }

    /// <summary>The restart requests read since the last call, oldest first.</summary>
    public IReadOnlyList<RestartRequest> TakeRestartRequests()
    {
        lock (_gate)
        {
            var taken = _restarts.ToList();
            _restarts.Clear();
            return taken;
        }
    }

    internal Task PutMemberAsync(
        string worker,
        IReadOnlyCollection<int> partitions,
        string? url,
        CancellationToken cancellationToken
    ) =>
        _log.SendAsync(
            MemberPrefix + worker,
            new JsonObject
            {
                ["partitions"] = new JsonArray([.. partitions.Order().Select(p => (JsonNode)p)]),
                ["url"] = url,
            }.ToJsonString(),
            cancellationToken
        );

    internal Task PutAssignmentAsync(
        ClusterAssignment assignment,
        CancellationToken cancellationToken
    ) => _log.SendAsync(AssignmentKey, assignment.ToJson(), cancellationToken);

    private static string Properties(IReadOnlyDictionary<string, string> config)
    {
        var properties = new JsonObject();
        foreach (var (key, value) in config.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            properties[key] = value;
        }
        return new JsonObject { ["properties"] = properties }.ToJsonString();
    }

    private void Apply(string key, string? value, long offset)
    {
        lock (_gate)
        {
            ConfigRecord.Apply(this, key, value);
        }
        Changed?.Invoke();
    }

    // The record kinds, applied under the gate (Connect's ConsumeCallback).
    private static class ConfigRecord
    {
        public static void Apply(KafkaConfigBackingStore store, string key, string? value)
        {
            if (key.StartsWith("connector-", StringComparison.Ordinal))
            {
                var name = key["connector-".Length..];
                if (value is null)
                {
                    store._connectors.Remove(name);
                    store._taskCounts.Remove(name);
                    store._firstTaskConfigs.Remove(name);
                    store._targets.Remove(name);
                    // The task count record stays: a connector created again under the name
                    // fences the ids its predecessor's tasks may still hold.
                    store._pendingFencing.Remove(name);
                    store._taskConfigGenerations.Remove(name);
                }
                else
                {
                    store._connectors[name] = ReadProperties(value);
                }
            }
            else if (key.StartsWith("commit-", StringComparison.Ordinal) && value is not null)
            {
                var name = key["commit-".Length..];
                store._taskCounts[name] = JsonNode.Parse(value)!["tasks"]!.GetValue<int>();
                store._taskConfigGenerations[name] =
                    store._taskConfigGenerations.GetValueOrDefault(name) + 1;
                store._pendingFencing.Add(name);
            }
            else if (key.StartsWith(TaskCountPrefix, StringComparison.Ordinal))
            {
                ApplyTaskCount(store, key[TaskCountPrefix.Length..], value);
            }
            else if (key.StartsWith("target-state-", StringComparison.Ordinal))
            {
                ApplyTarget(store, key["target-state-".Length..], value);
            }
            else if (key.StartsWith(MemberPrefix, StringComparison.Ordinal) && value is not null)
            {
                ApplyMember(store, key[MemberPrefix.Length..], value);
            }
            else if (key.StartsWith(RestartPrefix, StringComparison.Ordinal) && value is not null)
            {
                if (store._following)
                {
                    var node = JsonNode.Parse(value)!;
                    store._restarts.Enqueue(
                        new RestartRequest(
                            key[RestartPrefix.Length..],
                            node["include-tasks"]?.GetValue<bool>() ?? false,
                            node["only-failed"]?.GetValue<bool>() ?? false
                        )
                    );
                }
            }
            else if (key == AssignmentKey && value is not null)
            {
                store._assignment = ClusterAssignment.FromJson(value);
            }
            else if (
                key.StartsWith("task-", StringComparison.Ordinal)
                && key.EndsWith("-0", StringComparison.Ordinal)
                && value is not null
            )
            {
                // The framework splits the work by task id at run time: task 0's config tells
                // whether the task configs follow the connector's.
                store._firstTaskConfigs[key["task-".Length..^2]] = ReadProperties(value);
            }
        }

        private static void ApplyTaskCount(
            KafkaConfigBackingStore store,
            string name,
            string? value
        )
        {
            if (value is null)
            {
                store._taskCountRecords.Remove(name);
                return;
            }
            store._taskCountRecords[name] = JsonNode.Parse(value)!["task-count"]!.GetValue<int>();
            store._pendingFencing.Remove(name);
        }

        private static void ApplyTarget(KafkaConfigBackingStore store, string name, string? value)
        {
            if (value is null)
            {
                store._targets.Remove(name);
                return;
            }
            var node = JsonNode.Parse(value)!;
            var state = (node["state.v2"] ?? node["state"])!.GetValue<string>();
            store._targets[name] = Enum.Parse<TargetState>(state);
        }

        // The latest claim of a partition wins: after a worker died, the group gives its
        // partitions to the others, whose claims then name them.
        private static void ApplyMember(KafkaConfigBackingStore store, string worker, string value)
        {
            var member = JsonNode.Parse(value)!;
            if (member["url"]?.GetValue<string>() is { } url)
            {
                store._workerUrls[worker] = url;
            }
            var partitions = member["partitions"]!
                .AsArray()
                .Select(p => p!.GetValue<int>())
                .ToHashSet();
            foreach (var (p, owner) in store._partitionOwners.ToList())
            {
                if (owner == worker && !partitions.Contains(p))
                {
                    store._partitionOwners.Remove(p);
                }
            }
            foreach (var p in partitions)
            {
                store._partitionOwners[p] = worker;
            }
        }

        private static Dictionary<string, string> ReadProperties(string value) =>
            JsonNode.Parse(value)!["properties"]!
                .AsObject()
                .ToDictionary(
                    kv => kv.Key,
                    kv => kv.Value?.GetValue<string>() ?? string.Empty,
                    StringComparer.Ordinal
                );
    }

    /// <inheritdoc/>
    public ValueTask DisposeAsync() => _log.DisposeAsync();
}
