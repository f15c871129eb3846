using KConnector.Connectors;

namespace KConnector.Connectors.Sql.Tests;

/// <summary>Runs generated workers until a condition holds (bounded), then stops them cleanly.</summary>
internal static class SpecWorkers
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    public static async Task RunUntilAsync(IConnectorWorker worker, Func<bool> done)
    {
        using var stop = new CancellationTokenSource();
        var run = worker.RunAsync(stop.Token);
        var started = DateTime.UtcNow;
        while (!done() && DateTime.UtcNow - started < Deadline && !run.IsCompleted)
        {
            await Task.Delay(100);
        }
        // Linger: a duplicate delivery would show now.
        await Task.Delay(300);
        await stop.CancelAsync();
        await run;
    }
}
