using System.Text.Json.Serialization;

namespace KConnector.Rest.Model;

/// <summary>A connector's state in <see cref="ConnectorStateInfo"/>.</summary>
/// <param name="State">UNASSIGNED, RUNNING, PAUSED, STOPPED, FAILED or RESTARTING.</param>
/// <param name="WorkerId">The worker running it (its REST address, host:port).</param>
/// <param name="Trace">For FAILED, the failure with its stack; absent otherwise.</param>
public sealed record StateInfo(
    [property: JsonPropertyName("state")] string State,
    [property: JsonPropertyName("worker_id")] string WorkerId,
    [property:
        JsonPropertyName("trace"),
        JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)
    ]
        string? Trace
);
