using System.Globalization;
using System.Text.Json.Nodes;
using KConnector.Worker;

namespace KConnector.Distributed;

/// <summary>
/// The status topic (<c>status.storage.topic</c>), with Kafka Connect's
/// <c>KafkaStatusBackingStore</c> records: <c>status-connector-NAME</c> and
/// <c>status-task-NAME-N</c>, each {"state":"RUNNING","trace":null,"worker_id":"host:port",
/// "generation":5}, and the active topics (KafkaStatusBackingStore.Topics.cs). Every worker reads
/// the whole topic, so statuses answer anywhere.
/// </summary>
public sealed partial class KafkaStatusBackingStore : IAsyncDisposable
{
    private const string ConnectorPrefix = "status-connector-";
    private const string TaskPrefix = "status-task-";
    private readonly KafkaBasedLog _log;
    private readonly Dictionary<WorkUnit, UnitStatus> _statuses = [];

    /// <summary>Creates the store over <paramref name="topic"/>; nothing connects until <see cref="StartAsync"/>.</summary>
    public KafkaStatusBackingStore(string topic, string bootstrapServers)
    {
        _log = new KafkaBasedLog(topic, bootstrapServers, Apply);
    }

    /// <summary>Raised (on the reading thread) with each status read.</summary>
    public event Action<UnitStatus>? Changed;

    /// <summary>Reads the topic to its end, then follows it.</summary>
    public Task StartAsync(CancellationToken cancellationToken) =>
        _log.StartAsync(cancellationToken);

    /// <summary>Every status, as last written.</summary>
    public IReadOnlyDictionary<WorkUnit, UnitStatus> All
    {
        get
        {
            lock (_statuses)
            {
                return new Dictionary<WorkUnit, UnitStatus>(_statuses);
            }
        }
    }

    /// <summary>The status of <paramref name="unit"/>, or null.</summary>
    public UnitStatus? Get(WorkUnit unit)
    {
        lock (_statuses)
        {
            return _statuses.GetValueOrDefault(unit);
        }
    }

    /// <summary>Writes a status; durable when it completes.</summary>
    public Task PutAsync(UnitStatus status, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(status);
        var value = new JsonObject
        {
            ["state"] = status.State.ToString(),
            ["trace"] = status.Trace,
            ["worker_id"] = status.WorkerId,
            ["generation"] = status.Generation,
        };
        return _log.SendAsync(KeyOf(status.Unit), value.ToJsonString(), cancellationToken);
    }

    /// <summary>Connect's key of a unit's status record.</summary>
    public static string KeyOf(WorkUnit unit)
    {
        ArgumentNullException.ThrowIfNull(unit);
        return unit.Task is { } id
            ? $"{TaskPrefix}{unit.Connector}-{id.ToString(CultureInfo.InvariantCulture)}"
            : ConnectorPrefix + unit.Connector;
    }

    private void Apply(string key, string? value, long offset)
    {
        if (Parse(key) is not { } unit)
        {
            ApplyTopic(key, value);
            return;
        }
        if (value is null)
        {
            lock (_statuses)
            {
                _statuses.Remove(unit);
            }
            return;
        }
        var node = JsonNode.Parse(value)!;
        var status = new UnitStatus(
            unit,
            Enum.Parse<TaskState>(node["state"]!.GetValue<string>()),
            node["trace"]?.GetValue<string>(),
            node["worker_id"]!.GetValue<string>(),
            node["generation"]!.GetValue<long>()
        );
        lock (_statuses)
        {
            _statuses[unit] = status;
        }
        Changed?.Invoke(status);
    }

    // status-task-NAME-N: the task id is after the last dash (a connector's name may hold dashes).
    private static WorkUnit? Parse(string key)
    {
        if (key.StartsWith(ConnectorPrefix, StringComparison.Ordinal))
        {
            return new WorkUnit(key[ConnectorPrefix.Length..], null);
        }
        if (!key.StartsWith(TaskPrefix, StringComparison.Ordinal))
        {
            return null;
        }
        var rest = key[TaskPrefix.Length..];
        var dash = rest.LastIndexOf('-');
        return
            dash > 0
            && int.TryParse(
                rest[(dash + 1)..],
                NumberStyles.None,
                CultureInfo.InvariantCulture,
                out var id
            )
            ? new WorkUnit(rest[..dash], id)
            : null;
    }

    /// <inheritdoc/>
    public ValueTask DisposeAsync() => _log.DisposeAsync();
}
