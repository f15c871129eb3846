using System.CommandLine;
using KConnector.Cli.Commands;

namespace KConnector.Cli;

/// <summary>
/// The <c>kconnector</c> command line: <c>validate</c>, <c>describe</c>, <c>run</c> and <c>distributed</c>. Tests call
/// <see cref="InvokeAsync"/> in-process with their own writers.
/// </summary>
public static class KConnectorCommand
{
    /// <summary>Parses <paramref name="args"/> and runs the command; returns one of <see cref="ExitCodes"/>.</summary>
    public static async Task<int> InvokeAsync(
        string[] args,
        TextWriter output,
        TextWriter error,
        CancellationToken cancellationToken
    )
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var root = new RootCommand(
            "KConnector: Kafka Connect for .NET, compiled. Validate connector specs, describe connectors, run built-in connectors standalone or as distributed workers."
        );
        root.Subcommands.Add(ValidateCommand.Create(output, error));
        root.Subcommands.Add(DescribeCommand.Create(output, error));
        root.Subcommands.Add(RunCommand.Create(output, error));
        root.Subcommands.Add(DistributedCommand.Create(output, error));

        var parsed = root.Parse(args);
        // A usage error gets its own exit code (2), apart from invalid input (1), as many Unix tools do.
        if (parsed.Errors.Count > 0 && !IsHelp(args))
        {
            foreach (var problem in parsed.Errors)
            {
                await error.WriteLineAsync(problem.Message).ConfigureAwait(false);
            }
            await error
                .WriteLineAsync("Run 'kconnector --help' for the commands and their options.")
                .ConfigureAwait(false);
            return ExitCodes.Usage;
        }
        // System.CommandLine's own handler would print the exception and return 1, which a script
        // reads as "invalid input"; an unexpected failure gets its own code instead.
        var configuration = new InvocationConfiguration
        {
            Output = output,
            Error = error,
            EnableDefaultExceptionHandler = false,
            // SIGINT and SIGTERM are the caller's (Program's StopSignals): System.CommandLine's own
            // handling ends the process 2 s after the signal with 130/143, before a run has stopped.
            ProcessTerminationTimeout = null,
        };
        try
        {
            return await parsed.InvokeAsync(configuration, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e)
        {
            await ReportUnexpectedAsync(error, e).ConfigureAwait(false);
            return ExitCodes.InternalError;
        }
    }

    private static async Task ReportUnexpectedAsync(TextWriter error, Exception e)
    {
        try
        {
            await error
                .WriteLineAsync(
                    $"kconnector: unexpected error ({e.GetType().Name}): {e.Message}{Environment.NewLine}{e.StackTrace}"
                )
                .ConfigureAwait(false);
        }
        catch (IOException)
        {
            // stderr is gone too: the exit code is all that is left to say it.
        }
    }

    private static bool IsHelp(string[] args) =>
        args.Any(a => a is "-h" or "--help" or "-?" or "/?" or "/h");
}
