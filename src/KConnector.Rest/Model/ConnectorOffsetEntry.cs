using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace KConnector.Rest.Model;

/// <summary>One partition of <see cref="ConnectorOffsets"/>: the source partition and its offset (null to remove it).</summary>
/// <param name="Partition">The source partition, e.g. <c>{"filename": "/data/in.txt"}</c>.</param>
/// <param name="Offset">The source offset, e.g. <c>{"position": 30}</c>; null removes the partition's offset.</param>
public sealed record ConnectorOffsetEntry(
    [property: JsonPropertyName("partition")] JsonObject? Partition,
    [property: JsonPropertyName("offset")] JsonObject? Offset
);
