using KConnector.Hosting;
using Microsoft.Extensions.Hosting;

namespace KConnector.Worker.TestHost;

/// <summary>Stops the host cleanly once the source is exhausted and Kafka acknowledged everything it polled.</summary>
internal sealed class CompletionWatcher(
    IConnectorController controller,
    IHostApplicationLifetime lifetime,
    CountingSourceTaskHolder holder
) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            await Task.Delay(100, stoppingToken).ConfigureAwait(false);
            var tasks = controller.GetTasks("seq-source");
            if (tasks.Any(t => t.State == KConnector.Worker.TaskState.FAILED))
            {
                Console.WriteLine(
                    "FAILED " + tasks.First(t => t.Failure is not null).Failure!.Message
                );
                Environment.ExitCode = 2;
                lifetime.StopApplication();
                return;
            }
            if (
                holder.Task is { Exhausted: true }
                && tasks.All(t =>
                    t.Metrics.SourceRecordWriteTotal == t.Metrics.SourceRecordPollTotal
                )
            )
            {
                Console.WriteLine("DONE");
                lifetime.StopApplication();
                return;
            }
        }
    }
}

/// <summary>The one source task this host runs, for <see cref="CompletionWatcher"/>.</summary>
internal sealed class CountingSourceTaskHolder
{
    public CountingSourceTask? Task { get; set; }
}
