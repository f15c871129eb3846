namespace KConnector.Cli.Tests;

/// <summary><c>kconnector describe</c> for transformations and predicates: listed, and described by any of their names.</summary>
public sealed class DescribeTransformsTests
{
    [Fact]
    public async Task WithoutArgument_ListsTransformationsAndPredicates()
    {
        var run = await CliRun.InvokeAsync("describe");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("Transformations:", run.Output, StringComparison.Ordinal);
        Assert.Contains(
            "  KConnector.Transforms.RegexRouter (also RegexRouter, org.apache.kafka.connect.transforms.RegexRouter)",
            run.Output,
            StringComparison.Ordinal
        );
        Assert.Contains("Predicates:", run.Output, StringComparison.Ordinal);
        Assert.Contains(
            "  KConnector.Transforms.RecordIsTombstone",
            run.Output,
            StringComparison.Ordinal
        );
    }

    [Theory]
    [InlineData("TimestampRouter")]
    [InlineData("org.apache.kafka.connect.transforms.TimestampRouter")]
    public async Task Transformation_ByAnyName_ListsItsKeysWithConnectDefaults(string name)
    {
        var run = await CliRun.InvokeAsync("describe", name);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.StartsWith(
            "KConnector.Transforms.TimestampRouter: a transformation",
            run.Output,
            StringComparison.Ordinal
        );
        var lines = run.Output.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var at = lines.IndexOf("  transforms.<alias>.timestamp.format");
        Assert.True(at > 0, run.Output);
        Assert.Equal("    type: string, default: yyyyMMdd, importance: high", lines[at + 1]);
    }
}
