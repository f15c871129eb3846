namespace KConnector.Hosting;

/// <summary>
/// One partition's offset, as KIP-875's <c>GET /connectors/{name}/offsets</c> lists it: a source
/// partition and offset as the connector writes them (e.g. <c>{"filename": ...}</c> and
/// <c>{"position": ...}</c>). A null <see cref="Offset"/> in an alteration removes the partition's
/// offset.
/// </summary>
/// <param name="Partition">The source partition.</param>
/// <param name="Offset">The source offset; null to remove it.</param>
public sealed record ConnectorOffset(
    IReadOnlyDictionary<string, string> Partition,
    IReadOnlyDictionary<string, string>? Offset
);
