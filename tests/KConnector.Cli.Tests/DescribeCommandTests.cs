namespace KConnector.Cli.Tests;

/// <summary><c>kconnector describe</c>: a connector's config keys with type, default, importance and doc.</summary>
public sealed class DescribeCommandTests
{
    [Theory]
    [InlineData("FileStreamSink")]
    [InlineData("org.apache.kafka.connect.file.FileStreamSinkConnector")]
    [InlineData("KConnector.Connectors.File.JsonLinesFileSink")]
    public async Task BuiltInConnector_ByAnyName_ListsItsKeysAndTheSinkKeys(string name)
    {
        var run = await CliRun.InvokeAsync("describe", name);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.StartsWith(
            "KConnector.Connectors.File.JsonLinesFileSink: a sink connector",
            run.Output,
            StringComparison.Ordinal
        );
        var lines = run.Output.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        AssertKey(
            lines,
            "file",
            "type: string, default: none (required), importance: high",
            "The file to append records to"
        );
        AssertKey(
            lines,
            "tasks.max",
            "type: int, default: 1, importance: high, min: 1",
            "Maximum number of tasks"
        );
        AssertKey(lines, "errors.tolerance", "default: none", null);
        Assert.Contains("  topics", lines);
        Assert.Contains("  errors.deadletterqueue.topic.name", lines);
    }

    [Fact]
    public async Task NoArgument_ListsTheBuiltInConnectors()
    {
        var run = await CliRun.InvokeAsync("describe");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains(
            "KConnector.Connectors.File.JsonLinesFileSink (sink; also FileStreamSink",
            run.Output,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public async Task UnknownConnector_ExitsOne_WithASuggestion()
    {
        var run = await CliRun.InvokeAsync("describe", "FileStreamSinc");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("Unknown connector 'FileStreamSinc'", run.Error, StringComparison.Ordinal);
        Assert.Contains("Did you mean \"FileStreamSink\"?", run.Error, StringComparison.Ordinal);
        Assert.Empty(run.Output);
    }

    private static void AssertKey(List<string> lines, string key, string facts, string? doc)
    {
        var at = lines.IndexOf("  " + key);
        Assert.True(at >= 0, $"key {key} not listed");
        Assert.Contains(facts, lines[at + 1], StringComparison.Ordinal);
        if (doc is not null)
        {
            Assert.Contains(doc, lines[at + 2], StringComparison.Ordinal);
        }
    }
}
