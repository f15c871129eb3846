using System.CommandLine;
using KConnector.Cli.Compilation;
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
                "One or more *.connector.json files (the *.avsc files under each spec's folder are checked with them).",
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

    private static async Task<int> RunAsync(FileInfo[] specs, TextWriter output, TextWriter error)
    {
        if (!await SpecFiles.AllExistAsync(specs, error).ConfigureAwait(false))
        {
            return ExitCodes.InvalidInput;
        }
        var result = SpecCompiler.Compile([.. specs.Select(s => s.FullName)], emit: false);
        foreach (var diagnostic in result.Diagnostics)
        {
            var writer = diagnostic.Severity == DiagnosticSeverity.Error ? error : output;
            await writer.WriteLineAsync(diagnostic.ToString()).ConfigureAwait(false);
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
