namespace KConnector.Cli.Tests;

/// <summary>What one in-process <c>kconnector</c> invocation printed and returned.</summary>
public sealed record CliRun(int ExitCode, string Output, string Error)
{
    /// <summary>Runs <c>kconnector</c> with <paramref name="args"/> in this process.</summary>
    public static async Task<CliRun> InvokeAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var code = await KConnectorCommand.InvokeAsync(args, output, error, deadline.Token);
        return new CliRun(code, output.ToString(), error.ToString());
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"exit code {ExitCode}\n--- stdout\n{Output}\n--- stderr\n{Error}";
}
