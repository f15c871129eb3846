namespace KConnector.Hosting;

/// <summary>
/// A connector as Kafka Connect's <c>GET /connectors/{name}</c> shows it (<c>ConnectorInfo</c>).
/// </summary>
/// <param name="Name">The connector's name.</param>
/// <param name="Config">The config it was given; secret (<c>Password</c>) values read <c>[hidden]</c>.</param>
/// <param name="TaskIds">The ids of its tasks (none while STOPPED).</param>
/// <param name="IsSink">Whether it is a sink (Connect's <c>type</c>: <c>sink</c> or <c>source</c>).</param>
public sealed record ConnectorInfo(
    string Name,
    IReadOnlyDictionary<string, string> Config,
    IReadOnlyList<int> TaskIds,
    bool IsSink
);
