using KConnector.Cli.Commands;
using KConnector.Cli.Rest;
using KConnector.Compiler;
using KConnector.Compiler.Rest;
using KConnector.Configuration;
using KConnector.Connectors;
using KConnector.Distributed;
using KConnector.Rest;
using KConnector.Rest.Server;
using KConnector.Worker;
using Microsoft.Extensions.Logging;

namespace KConnector.Cli.Running;

/// <summary>
/// <c>kconnector distributed</c>: Kafka Connect's <c>ConnectDistributed</c>. The worker file is
/// checked as <c>run</c> checks one (each key a worker's, with a did-you-mean) and as a
/// distributed worker's (<see cref="DistributedConfig"/>: group.id, the three topics,
/// bootstrap.servers); connectors are created over REST only, each compiled as <c>run</c> compiles
/// a config given over REST (<see cref="RestConnectorFactory"/>), on every worker that runs a part
/// of it.
/// </summary>
internal sealed class DistributedRun(
    FileInfo file,
    IReadOnlyList<string> overrides,
    bool verbose,
    TextWriter output,
    TextWriter error
)
{
    private static readonly TimeSpan StopDeadline = TimeSpan.FromSeconds(60);

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        if (await SettingsAsync().ConfigureAwait(false) is not { } settings)
        {
            return ExitCodes.InvalidInput;
        }
        var level = verbose ? LogLevel.Information : LogLevel.Warning;
        using var environment = new ConnectorEnvironment(
            new TextWriterLogger<ConnectorEnvironment>(error, level)
        );
        var levels = new LoggerLevels(level);
        var factory = new RestConnectorFactory(settings);
        var worker = new DistributedWorker(
            settings,
            factory.Create,
            environment,
            new TextWriterLoggerFactory(error, levels)
        );
        await using var _ = worker.ConfigureAwait(false);
        var server = await StartAsync(worker, settings, levels, cancellationToken)
            .ConfigureAwait(false);
        if (server is null)
        {
            return ExitCodes.InvalidInput;
        }
        await output
            .WriteLineAsync(
                $"distributed worker {worker.WorkerId} in group {settings[DistributedGroupKey]}; REST API at {string.Join(", ", server.Addresses)} (listeners): connectors are created over REST; Ctrl+C (SIGINT) or SIGTERM stops cleanly"
            )
            .ConfigureAwait(false);
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // A signal: stop cleanly below.
        }
        await server.DisposeAsync().ConfigureAwait(false); // No request during the stop.
        return await StopAsync(worker).ConfigureAwait(false);
    }

    private const string DistributedGroupKey = "group.id";

    // The worker file's keys with --set over them; null (the errors written, naming the file and
    // the keys) when the file is not a distributed worker's config.
    private async Task<Dictionary<string, string>?> SettingsAsync()
    {
        if (!await SpecFiles.AllExistAsync([file], error).ConfigureAwait(false))
        {
            return null;
        }
        var worker = PropertiesSpec.Read(file.FullName);
        var errors = new List<string>();
        if (worker.IsConnector)
        {
            errors.Add(
                $"{worker.Path}: names a connector.class: a distributed worker takes its worker config only, and connectors are created over its REST API (POST /connectors)"
            );
        }
        else
        {
            errors.AddRange(WorkerFile.NotWorkerKeys(worker));
        }
        var settings = new Dictionary<string, string>(worker.Values, StringComparer.Ordinal);
        foreach (var pair in overrides)
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                errors.Add(
                    $"--set {pair}: expected key=value, e.g. --set group.id=connect-cluster"
                );
                continue;
            }
            settings[pair[..equals].Trim()] = pair[(equals + 1)..];
        }
        // Connect's distributed worker keeps its connectors in config.storage.topic, not a file.
        settings.Remove(ConnectorConfig.ConfigStorageFileNameKey);
        if (errors.Count == 0)
        {
            errors.AddRange(DistributedErrors(worker.Path, settings));
        }
        if (errors.Count == 0 && WorkerFile.PluginPath(settings, out _) is { } pluginPath)
        {
            errors.Add($"{worker.Path}: {pluginPath}");
        }
        if (errors.Count == 0 && WorkerFile.ConfigProvidersError(settings) is { } providers)
        {
            errors.Add($"{worker.Path}: {providers}");
        }
        foreach (var line in errors)
        {
            await error.WriteLineAsync(line).ConfigureAwait(false);
        }
        return errors.Count == 0 ? settings : null;
    }

    private static IEnumerable<string> DistributedErrors(
        string path,
        Dictionary<string, string> settings
    )
    {
        try
        {
            _ = DistributedConfig.From(settings);
        }
        catch (ConfigValidationException e)
        {
            return [$"{path}: not a distributed worker's config: {e.Message}"];
        }
        return RestServerSettings.From(settings).Serves
            ? []
            :
            [
                $"{path}: \"listeners\" is empty: a distributed worker serves the REST API, where its connectors are created and other workers forward requests",
            ];
    }

    // The worker joins its group, then the REST API starts; null (the error written) when either
    // fails, e.g. an internal topic that does not exist or a listener that cannot be bound.
    private async Task<RestServer?> StartAsync(
        DistributedWorker worker,
        Dictionary<string, string> settings,
        LoggerLevels levels,
        CancellationToken cancellationToken
    )
    {
        try
        {
            await worker.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            await error
                .WriteLineAsync($"not started: {UrlRedaction.RedactIn(e.Message)}")
                .ConfigureAwait(false);
            return null;
        }
        var rest = RestServerSettings.From(settings);
        try
        {
            return await RestServer
                .StartAsync(settings, worker, levels, cancellationToken)
                .ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            await error
                .WriteLineAsync(
                    $"REST API not started ({string.Join(", ", rest.Listeners)}, listeners): {UrlRedaction.RedactIn(e.Message)}"
                )
                .ConfigureAwait(false);
            await worker.StopAsync(CancellationToken.None).ConfigureAwait(false);
            return null;
        }
    }

    // Tasks stop (offsets committed), say UNASSIGNED, and the worker leaves the group.
    private async Task<int> StopAsync(DistributedWorker worker)
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
                .WriteLineAsync($"the worker did not stop within {StopDeadline.TotalSeconds:0}s")
                .ConfigureAwait(false);
            return ExitCodes.ConnectorFailed;
        }
        await output.WriteLineAsync("stopped").ConfigureAwait(false);
        return ExitCodes.Success;
    }
}
