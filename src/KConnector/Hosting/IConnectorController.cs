using KConnector.Worker;

namespace KConnector.Hosting;

/// <summary>
/// Controls the connectors a worker runs: what Kafka Connect's REST API offers
/// (<c>/connectors/{name}/status</c>, <c>/pause</c>, <c>/resume</c>, <c>/restart</c>), as a .NET
/// interface that a REST layer can serve later. Resolve it from the service provider.
/// </summary>
public interface IConnectorController
{
    /// <summary>The names of the connectors this worker runs.</summary>
    IReadOnlyList<string> Connectors { get; }

    /// <summary>A connector's status; throws <see cref="KeyNotFoundException"/> for an unknown name.</summary>
    ConnectorStatus GetStatus(string connector);

    /// <summary>A connector's running tasks (their metrics, state and failure).</summary>
    IReadOnlyList<IConnectTask> GetTasks(string connector);

    /// <summary>Pauses every task of <paramref name="connector"/>: no polls or puts; finished work is still committed.</summary>
    void Pause(string connector);

    /// <summary>Resumes a paused connector.</summary>
    void Resume(string connector);

    /// <summary>
    /// Stops every task of <paramref name="connector"/> cleanly (or collects its failure) and
    /// starts new ones, which resume from the committed offsets.
    /// </summary>
    Task RestartAsync(string connector, CancellationToken cancellationToken);
}
