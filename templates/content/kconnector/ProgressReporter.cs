using KConnector.Hosting;
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
        // Resolved here, not in the constructor: the worker is one of the hosted services.
        var controller = services.GetRequiredService<IConnectorController>();
        var last = new Dictionary<string, long>(StringComparer.Ordinal);
        using var timer = new PeriodicTimer(Interval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                foreach (var connector in controller.Connectors)
                {
                    var count = controller.GetTasks(connector).Sum(t => t.RecordsProcessed);
                    if (!last.TryGetValue(connector, out var before) || before != count)
                    {
                        last[connector] = count;
                        logger.LogInformation(
                            "{Connector}: {Records} records processed",
                            connector,
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
