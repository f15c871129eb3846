using System.Diagnostics;
using System.Globalization;
using KConnector.Cli.Rest;
using KConnector.Compiler.Running;
using KConnector.Configuration;
using KConnector.Connectors;
using KConnector.Errors;
using KConnector.Hosting;
using KConnector.Rest;
using KConnector.Rest.Server;
using Microsoft.Extensions.Logging;

namespace KConnector.Cli.Running;

/// <summary>
/// Kafka Connect's standalone mode (<c>ConnectStandalone</c>): the compiled connectors run side by
/// side on one <see cref="ConnectWorker"/>, the same worker a .NET host runs, with one
/// <see cref="ConnectorEnvironment"/> (so a source and a sink meet on the same embedded cluster)
/// and durable source offsets (<see cref="StandaloneSettings"/>). Progress lines on stdout, and an
/// exit code a script can trust (<see cref="ExitCodes"/>): a stop that was asked for (Ctrl+C,
/// SIGINT, SIGTERM, <c>--max-records</c>, <c>--duration</c>) flushes, commits and exits 0.
/// </summary>
internal sealed class StandaloneWorker(
    RunRequest request,
    IReadOnlyList<CompiledConnector> connectors,
    StandaloneSettings settings,
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
        var registrations = connectors.Select(c => c.Register(settings.Connector)).ToList();
        var levels = new LoggerLevels(level);
        var worker = new ConnectWorker(
            settings.Worker,
            registrations,
            environment,
            new TextWriterLoggerFactory(error, levels)
        );
        await using var _ = worker.ConfigureAwait(false);
        if (!await StartAsync(worker, cancellationToken).ConfigureAwait(false))
        {
            return ExitCodes.InvalidInput;
        }
        var rest = RestServerSettings.From(settings.Worker);
        var server = rest.Serves
            ? await StartRestAsync(rest, worker, levels, cancellationToken).ConfigureAwait(false)
            : null;
        if (rest.Serves && server is null)
        {
            await worker.StopAsync(CancellationToken.None).ConfigureAwait(false);
            return ExitCodes.InvalidInput;
        }
        using var metrics = rest.Serves
            ? null
            : await StartMetricsAsync(cancellationToken).ConfigureAwait(false);
        if (!rest.Serves && metrics is { Started: false })
        {
            await worker.StopAsync(CancellationToken.None).ConfigureAwait(false);
            return ExitCodes.InvalidInput;
        }
        var clock = Stopwatch.StartNew();
        await output
            .WriteLineAsync(
                connectors.Count > 0
                    ? $"running {string.Join(", ", connectors.Select(c => c.Name))}; Ctrl+C (SIGINT) or SIGTERM stops cleanly"
                    : "running no connector yet: create them over the REST API; Ctrl+C (SIGINT) or SIGTERM stops cleanly"
            )
            .ConfigureAwait(false);
        if (registrations.Any(r => !r.IsSink))
        {
            await output
                .WriteLineAsync($"source offsets: {settings.OffsetsDescription}")
                .ConfigureAwait(false);
        }
        var reason = await WaitForStopAsync(worker, clock, server is null, cancellationToken)
            .ConfigureAwait(false);
        if (server is not null)
        {
            await server.DisposeAsync().ConfigureAwait(false); // No request during the stop.
        }
        var stopped = await StopAsync(worker).ConfigureAwait(false);
        await WriteSummaryAsync(worker, reason, clock.Elapsed).ConfigureAwait(false);
        return stopped ? ExitCodes.Success : ExitCodes.ConnectorFailed;
    }

    // Every connector validated and every task made before any runs: a bad config (a key's own
    // rule, or a connector's rule across keys such as upsert without pk.mode) names its key and
    // starts nothing.
    private async Task<bool> StartAsync(ConnectWorker worker, CancellationToken cancellationToken)
    {
        // The checks validate makes, first: the same verdict, naming the same keys.
        var invalid = connectors
            .Select(c => ConfigCheck.Check(c, settings))
            .OfType<ConfigValidationException>()
            .ToList();
        foreach (var e in invalid)
        {
            await error
                .WriteLineAsync($"{e.Connector}: invalid config: {e.Message}")
                .ConfigureAwait(false);
        }
        if (invalid.Count > 0)
        {
            return false;
        }
        try
        {
            await worker.StartAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (ConfigValidationException e)
        {
            await error
                .WriteLineAsync($"{e.Connector}: invalid config: {e.Message}")
                .ConfigureAwait(false);
        }
        catch (ConfigException e)
        {
            await error.WriteLineAsync($"invalid config: {e.Message}").ConfigureAwait(false);
        }
        await worker.StopAsync(CancellationToken.None).ConfigureAwait(false);
        return false;
    }

    // With the REST API served, a failed task does not end the run (as in Kafka Connect: an
    // operator restarts it over REST, or it restarts by itself when its config asks).
    private async Task<string> WaitForStopAsync(
        ConnectWorker worker,
        Stopwatch clock,
        bool stopOnFailure,
        CancellationToken cancellationToken
    )
    {
        var progress = new ProgressLine(connectors.Select(c => c.Name).ToList());
        var nextProgress = request.ProgressInterval;
        // Bounded by the stop conditions: a signal, --max-records, --duration or a failed task.
        while (true)
        {
            var total = connectors.Sum(c => worker.RecordsProcessed(c.Name));
            if (cancellationToken.IsCancellationRequested)
            {
                return "stopped by a signal (Ctrl+C, SIGINT or SIGTERM)";
            }
            if (request.MaxRecords is { } max && total >= max)
            {
                return $"--max-records {max} reached";
            }
            if (request.Duration is { } duration && clock.Elapsed >= duration)
            {
                return $"--duration {duration.TotalSeconds:0.###}s elapsed";
            }
            if (stopOnFailure && worker.FirstFailure() is not null)
            {
                return "a connector failed";
            }
            if (request.ProgressInterval > TimeSpan.Zero && clock.Elapsed >= nextProgress)
            {
                var line = progress.Next(
                    connectors.Select(c => worker.RecordsProcessed(c.Name)).ToList(),
                    clock.Elapsed
                );
                await output.WriteLineAsync(line).ConfigureAwait(false);
                nextProgress = clock.Elapsed + request.ProgressInterval;
            }
            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken)
                    .ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // A signal: seen at the top of the loop.
            }
        }
    }

    // Kestrel on the listeners, then the connectors kept from the last run; null (with the error
    // written, naming the key) when a listener cannot be bound or the kept configs cannot be read.
    private async Task<RestServer?> StartRestAsync(
        RestServerSettings rest,
        ConnectWorker worker,
        LoggerLevels levels,
        CancellationToken cancellationToken
    )
    {
        RestServer? server = null;
        try
        {
            server = await RestServer
                .StartAsync(settings.Worker, worker, levels, cancellationToken)
                .ConfigureAwait(false);
            // Started means the connectors kept from the last run run again: once the address
            // is printed, the worker answers for all of them.
            await output
                .WriteLineAsync($"REST API at {string.Join(", ", server.Addresses)} (listeners)")
                .ConfigureAwait(false);
            return server;
        }
        catch (Exception e)
            when (e
                    is IOException
                        or InvalidDataException
                        or ConfigException
                        or ConfigValidationException
                        or System.Security.Cryptography.CryptographicException
                        or InvalidOperationException
            )
        {
            await error
                .WriteLineAsync(
                    $"REST API not started ({string.Join(", ", rest.Listeners)}, listeners): {UrlRedaction.RedactIn(e.Message)}"
                )
                .ConfigureAwait(false);
            if (server is not null)
            {
                await server.DisposeAsync().ConfigureAwait(false);
            }
            return null;
        }
    }

    // OTLP export without a REST API; Started false (the error written, naming the key) when
    // the metrics keys are wrong.
    private async Task<MetricsHost?> StartMetricsAsync(CancellationToken cancellationToken)
    {
        try
        {
            var host = await MetricsWithoutRest
                .StartAsync(settings.Worker, cancellationToken)
                .ConfigureAwait(false);
            return host is null ? null : new MetricsHost(host, Started: true);
        }
        catch (ConfigValidationException e)
        {
            await error.WriteLineAsync($"invalid config: {e.Message}").ConfigureAwait(false);
            return new MetricsHost(null, Started: false);
        }
    }

    private sealed record MetricsHost(Microsoft.Extensions.Hosting.IHost? Host, bool Started)
        : IDisposable
    {
        public void Dispose() => Host?.Dispose();
    }

    // Tasks stop, sinks flush, offsets commit; false when a task failed or the stop hung.
    private async Task<bool> StopAsync(ConnectWorker worker)
    {
        try
        {
            await worker
                .StopAsync(CancellationToken.None)
                .WaitAsync(StopDeadline)
                .ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            await error
                .WriteLineAsync(
                    $"the connectors did not stop within {StopDeadline.TotalSeconds:0}s"
                )
                .ConfigureAwait(false);
            return false;
        }
        var ok = true;
        // A spec's connector may have been deleted over REST meanwhile.
        foreach (var connector in connectors.Where(c => worker.Connectors.Contains(c.Name)))
        {
            var status = worker.GetStatus(connector.Name);
            foreach (var task in status.Tasks.Where(t => t.State == Worker.TaskState.FAILED))
            {
                var failure = worker.GetTasks(connector.Name)[task.Id].Failure;
                await error
                    .WriteLineAsync(
                        $"{connector.Name}: FAILED: {failure?.GetType().Name}: {UrlRedaction.RedactIn(failure?.Message ?? string.Empty)}"
                    )
                    .ConfigureAwait(false);
                ok = false;
            }
        }
        return ok;
    }

    private async Task WriteSummaryAsync(ConnectWorker worker, string reason, TimeSpan elapsed)
    {
        await output
            .WriteLineAsync($"{reason} after {ProgressLine.Seconds(elapsed)}")
            .ConfigureAwait(false);
        foreach (var connector in connectors)
        {
            var records = worker.RecordsProcessed(connector.Name);
            var rate = records / Math.Max(elapsed.TotalSeconds, 0.001);
            await output
                .WriteLineAsync(
                    $"  {connector.Name}: {records.ToString("N0", CultureInfo.InvariantCulture)} records ({rate.ToString("N0", CultureInfo.InvariantCulture)}/s)"
                )
                .ConfigureAwait(false);
        }
    }
}
