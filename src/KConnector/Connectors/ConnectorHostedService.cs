using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace KConnector.Connectors;

/// <summary>
/// Runs one generated connector worker in a .NET host. Deliberately thin: the worker's runner does
/// the Kafka work; a failure stops the connector (Kafka Connect's FAILED state) and is logged.
/// </summary>
public sealed class ConnectorHostedService : BackgroundService
{
    private readonly Func<IConnectorWorker> _createWorker;
    private readonly ILogger _logger;

    /// <summary>Creates the service; the worker (and its config validation) is created when the host starts.</summary>
    public ConnectorHostedService(
        Func<IConnectorWorker> createWorker,
        ILogger<ConnectorHostedService>? logger = null
    )
    {
        ArgumentNullException.ThrowIfNull(createWorker);
        _createWorker = createWorker;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <summary>The worker, once the host has started it.</summary>
    public IConnectorWorker? Worker { get; private set; }

    /// <inheritdoc />
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        // Invalid config fails the host's start, with every issue listed, before any task runs.
        Worker = _createWorker();
        return base.StartAsync(cancellationToken);
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var worker = Worker!;
        _logger.LogInformation("Connector {Connector} starting", worker.Name);
        try
        {
            await worker.RunAsync(stoppingToken).ConfigureAwait(false);
            _logger.LogInformation("Connector {Connector} stopped", worker.Name);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            _logger.LogInformation("Connector {Connector} stopped", worker.Name);
        }
        catch (Exception e)
        {
            _logger.LogError(e, "Connector {Connector} failed: {Message}", worker.Name, e.Message);
            throw;
        }
    }
}
