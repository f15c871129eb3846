using KConnector.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace KConnector.Hosting;

/// <summary>
/// One connector a hosted worker runs: its configuration section (Kafka Connect's keys) and how to
/// build one of its tasks. Registered by <see cref="KConnectorServiceCollectionExtensions"/>.
/// </summary>
public sealed class ConnectorRegistration
{
    internal ConnectorRegistration(
        IConfiguration configuration,
        bool isSink,
        Func<IServiceProvider, WorkerOptions, ILogger, IConnectTask> createTask
    )
    {
        Configuration = configuration;
        IsSink = isSink;
        CreateTask = createTask;
    }

    /// <summary>The connector's settings.</summary>
    public IConfiguration Configuration { get; }

    /// <summary>Whether the connector is a sink.</summary>
    public bool IsSink { get; }

    internal Func<IServiceProvider, WorkerOptions, ILogger, IConnectTask> CreateTask { get; }
}
