using System.CommandLine;
using KConnector.Cli.Running;
using KConnector.Compiler;
using KConnector.Compiler.Running;
using Microsoft.CodeAnalysis;

namespace KConnector.Cli.Commands;

/// <summary>
/// <c>kconnector validate &lt;spec&gt;...</c>: the compiler's checks of <c>*.connector.json</c> specs
/// and the schemas beside them, printed as the compiler prints them
/// (<c>path(line,col): error KCN0203: ...</c>). Exit code 1 when any error is found, 0 otherwise.
/// </summary>
internal static class ValidateCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var specs = new Argument<FileInfo[]>("spec")
        {
            Description =
                "One or more connector configs (*.connector.json, or Kafka Connect's .properties) and at most one worker .properties file; the *.avsc and *.schema.json files under each spec's folder are checked with them.",
            Arity = ArgumentArity.OneOrMore,
        };
        var command = new Command(
            "validate",
            "Check connector specs with the same checks and messages as the compiler (KCN diagnostics)."
        )
        {
            specs,
        };
        command.SetAction((parse, _) => RunAsync(parse.GetValue(specs) ?? [], output, error));
        return command;
    }

    // The checks a worker's start makes beyond the compiler's; each invalid config printed as run
    // prints it, after the spec's path.
    private static async Task<int> CheckConfigsAsync(
        SpecCompilation compiled,
        IReadOnlyDictionary<string, string> worker,
        FileInfo[] specs,
        TextWriter error
    )
    {
        var connectors = CompiledConnector.FindAll(compiled.Assembly!);
        var settings = StandaloneSettings.From(worker, connectors);
        var invalid = 0;
        foreach (var connector in connectors)
        {
            if (ConfigCheck.Check(connector, settings) is { } e)
            {
                var where =
                    compiled
                        .Properties.FirstOrDefault(p =>
                            p.Values.GetValueOrDefault("name") == connector.Name
                        )
                        ?.Path
                    ?? SpecFiles.Named(specs, connector.Name)?.FullName
                    ?? connector.Name;
                await error
                    .WriteLineAsync($"{where}: invalid config: {e.Message}")
                    .ConfigureAwait(false);
                invalid++;
            }
        }
        return invalid;
    }

    private static async Task<int> RunAsync(FileInfo[] specs, TextWriter output, TextWriter error)
    {
        if (!await SpecFiles.AllExistAsync(specs, error).ConfigureAwait(false))
        {
            return ExitCodes.InvalidInput;
        }
        // Compiled and loaded, so that the checks run makes at start (the typed config, the
        // worker's keys, the connector's rules across keys) give the same verdict here.
        var (worker, specPaths) = await WorkerFile.ReadAsync(specs, error).ConfigureAwait(false);
        if (worker is null)
        {
            return ExitCodes.InvalidInput;
        }
        if (WorkerFile.PluginPath(worker, out var plugins) is { } pluginPath)
        {
            await error.WriteLineAsync(pluginPath).ConfigureAwait(false);
            return ExitCodes.InvalidInput;
        }
        var result = SpecCompiler.Compile(specPaths, emit: true, plugins);
        foreach (var diagnostic in result.Diagnostics)
        {
            var writer = diagnostic.Severity == DiagnosticSeverity.Error ? error : output;
            await writer.WriteLineAsync(result.Describe(diagnostic)).ConfigureAwait(false);
        }
        var errors = result.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);
        var warnings = result.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Warning);
        if (errors > 0)
        {
            await error
                .WriteLineAsync(
                    $"{errors} error(s), {warnings} warning(s) in {specs.Length} spec(s)"
                )
                .ConfigureAwait(false);
            return ExitCodes.InvalidInput;
        }
        var invalid = result.Assembly is null
            ? 0
            : await CheckConfigsAsync(result, worker, specs, error).ConfigureAwait(false);
        if (invalid > 0)
        {
            await error
                .WriteLineAsync(
                    $"{invalid} invalid config(s), {warnings} warning(s) in {specs.Length} spec(s)"
                )
                .ConfigureAwait(false);
            return ExitCodes.InvalidInput;
        }
        foreach (var spec in specs)
        {
            await output.WriteLineAsync($"{spec.FullName}: valid").ConfigureAwait(false);
        }
        await output
            .WriteLineAsync($"0 errors, {warnings} warning(s) in {specs.Length} spec(s)")
            .ConfigureAwait(false);
        return ExitCodes.Success;
    }
}
