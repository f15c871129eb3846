using KConnector.Connectors;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Company.Connector;

/// <summary>
/// Logs how many records each connector has handled (acknowledged by Kafka for a source, written
/// and committed for a sink) whenever the count changes, every two seconds. Delete it if you
/// export metrics instead.
/// </summary>
public sealed class ProgressReporter(IServiceProvider services, ILogger<ProgressReporter> logger)
    : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Resolved here, not in the constructor: this service is one of the hosted services.
        var connectors = services
            .GetServices<IHostedService>()
            .OfType<ConnectorHostedService>()
            .ToList();
        var last = new Dictionary<string, long>(StringComparer.Ordinal);
        using var timer = new PeriodicTimer(Interval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                foreach (var worker in connectors.Select(c => c.Worker).OfType<IConnectorWorker>())
                {
                    var count = worker.RecordsProcessed;
                    if (!last.TryGetValue(worker.Name, out var before) || before != count)
                    {
                        last[worker.Name] = count;
                        logger.LogInformation(
                            "{Connector}: {Records} records processed",
                            worker.Name,
                            count
                        );
                    }
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping.
        }
    }
}
