namespace KConnector.Connectors;

/// <summary>A connector made ready to run by generated code: its config is validated and its converters chosen.</summary>
public interface IConnectorWorker
{
    /// <summary>The connector's <c>name</c>.</summary>
    string Name { get; }

    /// <summary>Records handled so far: acknowledged by Kafka (source) or put and committed (sink).</summary>
    long RecordsProcessed { get; }

    /// <summary>Runs the connector's task until <paramref name="stoppingToken"/> is cancelled.</summary>
    Task RunAsync(CancellationToken stoppingToken);
}
