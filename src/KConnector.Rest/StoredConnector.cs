using KConnector.Hosting;

namespace KConnector.Rest;

/// <summary>A connector kept by an <see cref="IConnectorConfigStore"/>.</summary>
/// <param name="Name">Its name.</param>
/// <param name="Config">The config it was given (secrets as given: the store is the worker's own file).</param>
/// <param name="State">The state it was last asked to be in.</param>
public sealed record StoredConnector(
    string Name,
    IReadOnlyDictionary<string, string> Config,
    TargetState State
);
