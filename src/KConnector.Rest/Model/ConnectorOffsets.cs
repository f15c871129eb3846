using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace KConnector.Rest.Model;

/// <summary>KIP-875's <c>ConnectorOffsets</c>: the body of <c>GET</c> and <c>PATCH /connectors/{name}/offsets</c>.</summary>
/// <param name="Offsets">One entry per source partition.</param>
public sealed record ConnectorOffsets(
    [property: JsonPropertyName("offsets")] IReadOnlyList<ConnectorOffsetEntry>? Offsets
);
