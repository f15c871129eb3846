using System.Diagnostics;
using System.Text;

namespace KConnector.Templates.Tests;

/// <summary>
/// Runs the <c>dotnet</c> CLI as a user would, with a deadline, and returns its exit code and output.
/// The test host's own MSBuild and test-platform variables are removed so that the child builds
/// like a fresh shell would.
/// </summary>
internal static class DotnetCommand
{
    public static Task<CommandResult> RunAsync(
        string workingDirectory,
        IReadOnlyDictionary<string, string> environment,
        TimeSpan deadline,
        params string[] arguments
    ) => RunAsync(workingDirectory, environment, deadline, stopWhen: null, arguments);

    /// <summary>
    /// Runs a command that does not end by itself (<c>dotnet run</c> of a worker) until its output
    /// satisfies <paramref name="stopWhen"/>, then ends it: exit code 0 when it was stopped that way,
    /// -1 when the deadline passed first.
    /// </summary>
    public static Task<CommandResult> RunAsync(
        string workingDirectory,
        IReadOnlyDictionary<string, string> environment,
        TimeSpan deadline,
        Func<string, bool>? stopWhen,
        params string[] arguments
    ) => RunProgramAsync("dotnet", workingDirectory, environment, deadline, stopWhen, arguments);

    /// <summary>
    /// Runs <paramref name="program"/> (a published worker's own executable, say) as
    /// <see cref="RunAsync(string, IReadOnlyDictionary{string, string}, TimeSpan, Func{string, bool}?, string[])"/> runs dotnet.
    /// </summary>
    public static Task<CommandResult> RunProgramAsync(
        string program,
        string workingDirectory,
        IReadOnlyDictionary<string, string> environment,
        TimeSpan deadline,
        Func<string, bool>? stopWhen,
        params string[] arguments
    ) =>
        RunProgramAsync(
            program,
            workingDirectory,
            environment,
            deadline,
            stopWhen is null ? null : output => Task.FromResult(stopWhen(output)),
            arguments
        );

    /// <summary>
    /// Runs <paramref name="program"/> until <paramref name="stopWhen"/>, which may talk to the
    /// running program (its REST API), answers true; the program is ended whatever happens.
    /// </summary>
    public static async Task<CommandResult> RunProgramAsync(
        string program,
        string workingDirectory,
        IReadOnlyDictionary<string, string> environment,
        TimeSpan deadline,
        Func<string, Task<bool>>? stopWhen,
        params string[] arguments
    )
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        foreach (var key in start.Environment.Keys.ToList())
        {
            if (
                key.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase)
                || key.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase)
                || key.StartsWith("TESTINGPLATFORM", StringComparison.OrdinalIgnoreCase)
                || key.Equals("DOTNET_HOST_PATH", StringComparison.OrdinalIgnoreCase)
            )
            {
                start.Environment.Remove(key);
            }
        }
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var timeout = new CancellationTokenSource(deadline);
        try
        {
            if (stopWhen is not null)
            {
                while (!process.HasExited)
                {
                    if (await StopsAsync(process, stopWhen, Text(output)))
                    {
                        process.Kill(entireProcessTree: true);
                        await process.WaitForExitAsync(CancellationToken.None);
                        return new CommandResult(0, Text(output));
                    }
                    await Task.Delay(200, timeout.Token);
                }
            }
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            return new CommandResult(
                -1,
                $"{program} {string.Join(' ', arguments)} did not finish within {deadline}:\n{Text(output)}"
            );
        }
        return new CommandResult(process.ExitCode, Text(output));
    }

    // A check that throws (an assertion about the running program) ends the program first.
    private static async Task<bool> StopsAsync(
        Process process,
        Func<string, Task<bool>> stopWhen,
        string output
    )
    {
        try
        {
            return await stopWhen(output);
        }
        catch
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            throw;
        }
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (output)
        {
            output.AppendLine(line);
        }
    }

    private static string Text(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }
}
