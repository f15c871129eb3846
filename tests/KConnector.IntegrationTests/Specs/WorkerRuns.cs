using KConnector.Connectors;

namespace KConnector.IntegrationTests.Specs;

/// <summary>Runs generated workers together until a condition holds (or a deadline passes), then stops them.</summary>
internal static class WorkerRuns
{
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    public static async Task RunUntilAsync(IReadOnlyList<IConnectorWorker> workers, Func<bool> done)
    {
        using var stop = new CancellationTokenSource();
        var runs = workers.Select(w => w.RunAsync(stop.Token)).ToList();
        var started = DateTime.UtcNow;
        while (!done() && DateTime.UtcNow - started < Deadline && !runs.Any(r => r.IsCompleted))
        {
            await Task.Delay(100);
        }
        // Linger: a duplicate delivery would show now.
        await Task.Delay(300);
        await stop.CancelAsync();
        await Task.WhenAll(runs);
    }
}
