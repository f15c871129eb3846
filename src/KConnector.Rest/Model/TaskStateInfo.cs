using System.Text.Json.Serialization;

namespace KConnector.Rest.Model;

/// <summary>A task's state: an entry of <see cref="ConnectorStateInfo"/>'s tasks and <c>GET /connectors/{name}/tasks/{id}/status</c>.</summary>
/// <param name="Id">The task's number.</param>
/// <param name="State">UNASSIGNED, RUNNING, PAUSED, FAILED or RESTARTING.</param>
/// <param name="WorkerId">The worker running it.</param>
/// <param name="Trace">For FAILED, the failure with its stack (credentials masked); absent otherwise.</param>
public sealed record TaskStateInfo(
    [property: JsonPropertyName("id")] int Id,
    [property: JsonPropertyName("state")] string State,
    [property: JsonPropertyName("worker_id")] string WorkerId,
    [property:
        JsonPropertyName("trace"),
        JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)
    ]
        string? Trace
);
