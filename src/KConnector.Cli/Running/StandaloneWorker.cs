using System.Diagnostics;
using System.Globalization;
using KConnector.Configuration;
using KConnector.Connectors;
using Microsoft.Extensions.Logging;

namespace KConnector.Cli.Running;

/// <summary>
/// Runs compiled connectors side by side in one process, as Kafka Connect's standalone worker does:
/// one shared <see cref="ConnectorEnvironment"/> (so a source and a sink meet on the same embedded
/// cluster), progress lines on stdout, and an exit code a script can trust (<see cref="ExitCodes"/>).
/// </summary>
internal sealed class StandaloneWorker(
    RunRequest request,
    IReadOnlyList<CompiledConnector> connectors,
    IReadOnlyDictionary<string, string> overrides,
    TextWriter output,
    TextWriter error
)
{
    private static readonly TimeSpan StopDeadline = TimeSpan.FromSeconds(30);

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var level = request.Verbose ? LogLevel.Information : LogLevel.Warning;
        using var environment = new ConnectorEnvironment(
            new TextWriterLogger<ConnectorEnvironment>(error, level)
        );
        var logger = new TextWriterLogger<StandaloneWorker>(error, level);
        var workers = new List<IConnectorWorker>();
        foreach (var connector in connectors)
        {
            try
            {
                workers.Add(connector.Create(overrides, environment, logger));
            }
            catch (ConfigValidationException e)
            {
                await error
                    .WriteLineAsync($"{connector.Name}: invalid config: {e.Message}")
                    .ConfigureAwait(false);
                return ExitCodes.InvalidInput;
            }
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var clock = Stopwatch.StartNew();
        await output
            .WriteLineAsync(
                $"running {string.Join(", ", workers.Select(w => w.Name))}; Ctrl+C stops cleanly"
            )
            .ConfigureAwait(false);
        var runs = workers.Select(w => w.RunAsync(stop.Token)).ToList();
        var last = workers.Select(_ => 0L).ToArray();
        var lastAt = TimeSpan.Zero;
        var nextProgress = request.ProgressInterval;
        string? reason = null;
        while (reason is null)
        {
            var total = workers.Sum(w => w.RecordsProcessed);
            if (cancellationToken.IsCancellationRequested)
            {
                reason = "stopped by the user";
            }
            else if (request.MaxRecords is { } max && total >= max)
            {
                reason = $"--max-records {max} reached";
            }
            else if (request.Duration is { } duration && clock.Elapsed >= duration)
            {
                reason = $"--duration {duration.TotalSeconds:0.###}s elapsed";
            }
            else if (runs.Any(r => r.IsCompleted))
            {
                reason = "a connector stopped";
            }
            else
            {
                if (request.ProgressInterval > TimeSpan.Zero && clock.Elapsed >= nextProgress)
                {
                    await WriteProgressAsync(workers, last, clock.Elapsed - lastAt, clock.Elapsed)
                        .ConfigureAwait(false);
                    lastAt = clock.Elapsed;
                    nextProgress = clock.Elapsed + request.ProgressInterval;
                }
                try
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken)
                        .ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    // Ctrl+C: seen at the top of the loop.
                }
            }
        }

        await stop.CancelAsync().ConfigureAwait(false);
        var failed = false;
        var invalid = false;
        for (var i = 0; i < runs.Count; i++)
        {
            try
            {
                await runs[i].WaitAsync(StopDeadline, CancellationToken.None).ConfigureAwait(false);
            }
            catch (OperationCanceledException) { }
            catch (ConfigValidationException e)
            {
                // The connector's own cross-key rules (JdbcSinkConfig's upsert needs pk.mode...) are
                // checked when its task is made, as Kafka Connect's Connector.validate: bad input
                // naming the key, not a connector that failed while running.
                await error
                    .WriteLineAsync($"{workers[i].Name}: invalid config: {e.Message}")
                    .ConfigureAwait(false);
                invalid = true;
            }
            catch (TimeoutException)
            {
                await error
                    .WriteLineAsync(
                        $"{workers[i].Name}: did not stop within {StopDeadline.TotalSeconds:0}s"
                    )
                    .ConfigureAwait(false);
                failed = true;
            }
            catch (Exception e)
            {
                await error
                    .WriteLineAsync(
                        $"{workers[i].Name}: FAILED: {e.GetType().Name}: {UrlRedaction.RedactIn(e.Message)}"
                    )
                    .ConfigureAwait(false);
                failed = true;
            }
        }
        var elapsed = clock.Elapsed;
        await output.WriteLineAsync($"{reason} after {Seconds(elapsed)}").ConfigureAwait(false);
        foreach (var worker in workers)
        {
            var rate = worker.RecordsProcessed / Math.Max(elapsed.TotalSeconds, 0.001);
            await output
                .WriteLineAsync(
                    $"  {worker.Name}: {worker.RecordsProcessed.ToString("N0", CultureInfo.InvariantCulture)} records ({rate.ToString("N0", CultureInfo.InvariantCulture)}/s)"
                )
                .ConfigureAwait(false);
        }
        return invalid ? ExitCodes.InvalidInput
            : failed ? ExitCodes.ConnectorFailed
            : ExitCodes.Success;
    }

    private async Task WriteProgressAsync(
        IReadOnlyList<IConnectorWorker> workers,
        long[] last,
        TimeSpan sinceLast,
        TimeSpan elapsed
    )
    {
        var parts = new List<string>();
        for (var i = 0; i < workers.Count; i++)
        {
            var now = workers[i].RecordsProcessed;
            var rate = (now - last[i]) / Math.Max(sinceLast.TotalSeconds, 0.001);
            last[i] = now;
            parts.Add(
                $"{workers[i].Name}: {now.ToString("N0", CultureInfo.InvariantCulture)} records ({rate.ToString("N0", CultureInfo.InvariantCulture)}/s)"
            );
        }
        await output
            .WriteLineAsync($"[{Seconds(elapsed)}] {string.Join("; ", parts)}")
            .ConfigureAwait(false);
    }

    private static string Seconds(TimeSpan elapsed) =>
        elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + "s";
}
