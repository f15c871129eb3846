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
        var code = await KConnectorCommand.InvokeAsync(
            WithoutRestApi(args),
            output,
            error,
            deadline.Token
        );
        return new CliRun(code, output.ToString(), error.ToString());
    }

    /// <summary>
    /// <paramref name="args"/> of a <c>run</c> with <c>--set listeners=</c> (no REST API) unless they
    /// name <c>listeners</c>: runs side by side cannot all bind Kafka Connect's port 8083, and these
    /// tests are about the standalone worker, which then stops when a task fails. The REST API's
    /// own tests (tests/KConnector.Rest.Tests) serve it.
    /// </summary>
    public static string[] WithoutRestApi(string[] args) =>
        args is ["run", ..] && !args.Any(a => a.StartsWith("listeners=", StringComparison.Ordinal))
            ? [.. args, "--set", "listeners="]
            : args;

    /// <summary>
    /// Asserts that <c>kconnector run</c> refused before any connector ran, as a wrong config or
    /// spec must: exit code 1, each of <paramref name="errorTexts"/> on standard error, and no
    /// connector reported running.
    /// </summary>
    public void AssertRefusedBeforeRunning(params string[] errorTexts)
    {
        Assert.True(ExitCode == 1, ToString());
        foreach (var text in errorTexts)
            Assert.Contains(text, Error, StringComparison.Ordinal);
        Assert.DoesNotContain("running", Output, StringComparison.Ordinal);
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"exit code {ExitCode}\n--- stdout\n{Output}\n--- stderr\n{Error}";
}
