namespace KConnector.Cli.Tests;

/// <summary>
/// An exception no command expected exits 70, apart from invalid input (1) and a failed connector
/// (3), so a script can tell a kconnector failure from a bad spec.
/// </summary>
public sealed class UnexpectedErrorTests
{
    [Fact]
    public async Task OutputThatFails_ExitsWithTheInternalErrorCode_AndPrintsTheException()
    {
        using var output = new ClosedPipeWriter();
        using var error = new StringWriter();

        var code = await KConnectorCommand.InvokeAsync(
            ["describe", "FileStreamSink"],
            output,
            error,
            CancellationToken.None
        );

        Assert.Equal(ExitCodes.InternalError, code);
        Assert.Equal(70, code);
        Assert.Contains(
            "kconnector: unexpected error (IOException): Broken pipe",
            error.ToString(),
            StringComparison.Ordinal
        );
    }

    [Fact]
    public async Task InvalidInput_StillExitsOne()
    {
        var run = await CliRun.InvokeAsync("describe", "NoSuchConnector");

        Assert.Equal(ExitCodes.InvalidInput, run.ExitCode);
        Assert.DoesNotContain("unexpected error", run.Error, StringComparison.Ordinal);
    }

    /// <summary>stdout piped into a reader that went away (`kconnector describe | head -0`).</summary>
    private sealed class ClosedPipeWriter : StringWriter
    {
        public override void Write(char value) => throw new IOException("Broken pipe");

        public override void Write(string? value) => throw new IOException("Broken pipe");

        public override void Write(char[] buffer, int index, int count) =>
            throw new IOException("Broken pipe");

        public override Task WriteAsync(string? value) => throw new IOException("Broken pipe");

        public override Task WriteLineAsync(string? value) => throw new IOException("Broken pipe");

        public override void WriteLine(string? value) => throw new IOException("Broken pipe");
    }
}
