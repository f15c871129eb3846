using System.Text.Json.Serialization;

namespace KConnector.Rest.Model;

/// <summary>One connector of <c>GET /connectors?expand=status&amp;expand=info</c> (KIP-465): what was asked for.</summary>
/// <param name="Info">With <c>expand=info</c>: its config, tasks and type.</param>
/// <param name="Status">With <c>expand=status</c>: its state and its tasks'.</param>
public sealed record ExpandedConnector(
    [property:
        JsonPropertyName("info"),
        JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)
    ]
        ConnectorInfoResponse? Info,
    [property:
        JsonPropertyName("status"),
        JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)
    ]
        ConnectorStateInfo? Status
);
