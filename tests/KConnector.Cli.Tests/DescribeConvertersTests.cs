namespace KConnector.Cli.Tests;

/// <summary>
/// <c>kconnector describe</c> for converters and header converters: listed from their descriptors,
/// and described by any of their names with what they carry and their settings under the prefix a
/// config gives them.
/// </summary>
public sealed class DescribeConvertersTests
{
    [Fact]
    public async Task WithoutArgument_ListsConvertersAndHeaderConverters()
    {
        var run = await CliRun.InvokeAsync("describe");

        Assert.True(run.ExitCode == 0, run.ToString());
        var lines = run.Output.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var converters = lines.IndexOf("Converters:");
        var headers = lines.IndexOf("Header converters:");
        Assert.True(converters > 0 && headers > converters, run.Output);
        Assert.Contains(
            "  io.confluent.connect.avro.AvroConverter (also AvroConverter, Avro)",
            lines[converters..headers]
        );
        Assert.DoesNotContain(
            lines[converters..headers],
            l => l.Contains("SimpleHeaderConverter", StringComparison.Ordinal)
        );
        Assert.Equal(
            [
                "  org.apache.kafka.connect.storage.SimpleHeaderConverter (also SimpleHeaderConverter, SimpleHeader)",
                "  org.apache.kafka.connect.converters.ByteArrayConverter (also ByteArrayConverter, ByteArray)",
                "  org.apache.kafka.connect.storage.StringConverter (also StringConverter, String)",
            ],
            lines.Skip(headers + 1).Take(3)
        );
    }

    [Theory]
    [InlineData("JsonConverter")]
    [InlineData("org.apache.kafka.connect.json.JsonConverter")]
    public async Task Converter_ByAnyName_ShowsWhatItCarriesAndItsSettings(string name)
    {
        var run = await CliRun.InvokeAsync("describe", name);

        Assert.True(run.ExitCode == 0, run.ToString());
        var lines = run.Output.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        Assert.Equal("org.apache.kafka.connect.json.JsonConverter: a converter", lines[0]);
        Assert.Contains(
            "  key.converter or value.converter may also be: JsonConverter, Json",
            lines
        );
        var at = lines.IndexOf("  key.converter.schemas.enable, value.converter.schemas.enable");
        Assert.True(at > 0, run.Output);
        Assert.Equal("    type: boolean, default: true, importance: high", lines[at + 1]);
        Assert.Contains(
            "  carries: records generated from .avsc, types generated from .schema.json, string, byte[], schemaless JSON (a sink's value without a schema file)",
            lines
        );
    }

    [Fact]
    public async Task StringConverter_IsAlsoAHeaderConverter()
    {
        var run = await CliRun.InvokeAsync("describe", "String");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.StartsWith(
            "org.apache.kafka.connect.storage.StringConverter: a converter, also a header converter",
            run.Output,
            StringComparison.Ordinal
        );
        Assert.Contains("  carries: string", run.Output, StringComparison.Ordinal);
        Assert.Contains(
            "  key.converter.converter.encoding, value.converter.converter.encoding",
            run.Output,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public async Task AMisspeltConverter_ExitsOne_WithDidYouMean()
    {
        var run = await CliRun.InvokeAsync("describe", "AvroConvertr");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("Did you mean \"AvroConverter\"?", run.Error, StringComparison.Ordinal);
    }
}
