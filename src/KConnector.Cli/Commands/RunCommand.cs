using System.CommandLine;
using KConnector.Cli.Running;
using KConnector.Compiler;
using KConnector.Compiler.Running;
using Microsoft.CodeAnalysis;

namespace KConnector.Cli.Commands;

/// <summary>
/// <c>kconnector run &lt;spec&gt;...</c>: a standalone worker, as Kafka Connect's
/// <c>connect-standalone</c>: compiles the specs (built-in connectors only: a spec is the whole
/// program) and runs them in this process until Ctrl+C, <c>--max-records</c> or <c>--duration</c>,
/// printing progress. With no <c>bootstrap.servers</c> the workers share an embedded, NOT durable
/// Kafka cluster.
/// </summary>
internal static class RunCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var specs = new Argument<FileInfo[]>("spec")
        {
            Description =
                "One or more connector configs of built-in connectors or plugin.path plugins (*.connector.json, or Kafka Connect's .properties), and at most one worker .properties file (no connector.class), as connect-standalone takes them.",
            Arity = ArgumentArity.OneOrMore,
        };
        var set = new Option<string[]>("--set", "-s")
        {
            Description =
                "key=value (repeatable): a worker key (bootstrap.servers, plugin.path, offset.storage.file.filename, offset.flush.interval.ms, producer.*, consumer.*) sets the worker's, any other key overrides every connector's config, e.g. --set bootstrap.servers=broker:9092.",
            AllowMultipleArgumentsPerToken = false,
        };
        var maxRecords = new Option<long?>("--max-records")
        {
            Description =
                "Stop cleanly once the connectors have processed this many records in all.",
        };
        var duration = new Option<double?>("--duration")
        {
            Description = "Stop cleanly after this many seconds.",
        };
        var progress = new Option<double>("--progress-interval")
        {
            Description = "Seconds between progress lines (0 for none).",
            DefaultValueFactory = _ => 5,
        };
        var verbose = new Option<bool>("--verbose", "-v")
        {
            Description = "Also print the workers' information logs.",
        };
        var command = new Command(
            "run",
            "Run built-in connectors from their specs in this process (Kafka Connect's standalone mode: durable source offsets, clean stop on Ctrl+C, SIGINT and SIGTERM)."
        )
        {
            specs,
            set,
            maxRecords,
            duration,
            progress,
            verbose,
        };
        command.SetAction(
            (parse, cancellationToken) =>
                RunAsync(
                    new RunRequest(
                        parse.GetValue(specs) ?? [],
                        parse.GetValue(set) ?? [],
                        parse.GetValue(maxRecords),
                        parse.GetValue(duration) is { } seconds
                            ? TimeSpan.FromSeconds(seconds)
                            : null,
                        TimeSpan.FromSeconds(Math.Max(0, parse.GetValue(progress))),
                        parse.GetValue(verbose)
                    ),
                    output,
                    error,
                    cancellationToken
                )
        );
        return command;
    }

    private static Dictionary<string, string> ParseOverrides(RunRequest request, out string? bad)
    {
        bad = null;
        var overrides = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in request.Overrides)
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                bad = pair;
                return overrides;
            }
            overrides[pair[..equals].Trim()] = pair[(equals + 1)..];
        }
        return overrides;
    }

    private static async Task<int> RunAsync(
        RunRequest request,
        TextWriter output,
        TextWriter error,
        CancellationToken cancellationToken
    )
    {
        var overrides = ParseOverrides(request, out var bad);
        if (bad is not null)
        {
            await error
                .WriteLineAsync($"--set {bad}: expected key=value, e.g. --set tasks.max=1")
                .ConfigureAwait(false);
            return ExitCodes.Usage;
        }
        if (!await SpecFiles.AllExistAsync(request.Specs, error).ConfigureAwait(false))
        {
            return ExitCodes.InvalidInput;
        }
        var (worker, specPaths) = await WorkerFile
            .ReadAsync(request.Specs, error)
            .ConfigureAwait(false);
        if (worker is null)
        {
            return ExitCodes.InvalidInput;
        }
        // The worker file's keys, then --set over them.
        var settings = new Dictionary<string, string>(worker, StringComparer.Ordinal);
        foreach (var (key, value) in overrides)
        {
            settings[key] = value;
        }
        if (WorkerFile.PluginPath(settings, out var plugins) is { } pluginPath)
        {
            await error.WriteLineAsync($"Not started: {pluginPath}").ConfigureAwait(false);
            return ExitCodes.InvalidInput;
        }
        // After plugin.path: a plugin's config provider is registered when the path is loaded.
        if (WorkerFile.ConfigProvidersError(settings) is { } providers)
        {
            await error.WriteLineAsync($"Not started: {providers}").ConfigureAwait(false);
            return ExitCodes.InvalidInput;
        }
        var compiled = SpecCompiler.Compile(specPaths, emit: true, plugins);
        foreach (var diagnostic in compiled.Diagnostics)
        {
            var writer = diagnostic.Severity == DiagnosticSeverity.Error ? error : output;
            await writer.WriteLineAsync(compiled.Describe(diagnostic)).ConfigureAwait(false);
        }
        if (compiled.HasErrors || compiled.Assembly is null)
        {
            await error
                .WriteLineAsync(
                    "Not started: fix the errors above (kconnector validate shows them too)."
                )
                .ConfigureAwait(false);
            return ExitCodes.InvalidInput;
        }
        var connectors = CompiledConnector.FindAll(compiled.Assembly);
        // With the REST API served, a worker may start with no connector (connect-standalone
        // worker.properties alone): they are created over REST.
        if (
            connectors.Count == 0
            && !KConnector.Rest.Server.RestServerSettings.From(settings).Serves
        )
        {
            await error
                .WriteLineAsync("Not started: the specs define no connector.")
                .ConfigureAwait(false);
            return ExitCodes.InvalidInput;
        }
        return await new StandaloneWorker(
            request,
            connectors,
            StandaloneSettings.From(settings, connectors),
            output,
            error
        )
            .RunAsync(cancellationToken)
            .ConfigureAwait(false);
    }
}
