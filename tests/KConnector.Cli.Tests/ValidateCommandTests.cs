namespace KConnector.Cli.Tests;

/// <summary>
/// <c>kconnector validate</c>: the compiler's own diagnostics (ids, file, line, JSON path, message)
/// and exit codes 0 / 1 / 2.
/// </summary>
public sealed class ValidateCommandTests : IDisposable
{
    private readonly SpecFolder _folder = new();

    [Fact]
    public async Task ValidSpec_ExitsZero_AndSaysSo()
    {
        var run = await CliRun.InvokeAsync("validate", _folder.Spec);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains(
            "orders-file-sink.connector.json: valid",
            run.Output,
            StringComparison.Ordinal
        );
        Assert.Contains("0 errors", run.Output, StringComparison.Ordinal);
        Assert.Empty(run.Error);
    }

    [Fact]
    public async Task PropertiesConnectorConfig_IsParsed_ItsErrorsNameTheFileAndTheLine()
    {
        var config = _folder.Write(
            "orders-sink.properties",
            """
            # Kafka Connect's connector config, as connect-standalone reads it
            name=props-sink
            connector.class=FileStreamSink
            topics=orders
            file=orders.jsonl
            value.converter=io.confluent.connect.avro.AvroConverter
            value.schema=order.avsc
            tasks.max=two
            """
        );

        var invalid = await CliRun.InvokeAsync("validate", config);
        File.WriteAllText(
            config,
            File.ReadAllText(config).Replace("two", "1", StringComparison.Ordinal)
        );
        var valid = await CliRun.InvokeAsync("validate", config);

        Assert.True(invalid.ExitCode == 1, invalid.ToString());
        Assert.Contains(
            config
                + "(8,1): error KCN0203: orders-sink.properties, line 8, at $.config['tasks.max']",
            invalid.Error,
            StringComparison.Ordinal
        );
        Assert.True(valid.ExitCode == 0, valid.ToString());
        Assert.Contains(config + ": valid", valid.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WorkerProperties_WithAGroupId_IsRefused_NotRunStandaloneInstead()
    {
        var worker = _folder.Write(
            "worker.properties",
            "bootstrap.servers=localhost:9092\ngroup.id=connect-cluster\n"
        );

        var run = await CliRun.InvokeAsync("run", worker, _folder.Spec);

        Assert.True(run.ExitCode != 0, run.ToString());
        Assert.Contains(
            worker + ": \"group.id\" asks for distributed mode",
            run.Error,
            StringComparison.Ordinal
        );
        Assert.Contains("kconnector distributed " + worker, run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WorkerProperties_WithAKeyNoWorkerHas_IsRefused_WithDidYouMean()
    {
        var worker = _folder.Write(
            "worker.properties",
            "bootstrap.servers=localhost:9092\noffset.storage.file.filname=/tmp/connect.offsets\n"
        );

        var run = await CliRun.InvokeAsync("validate", worker, _folder.Spec);

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains(
            "\"offset.storage.file.filname\" is not a key of the worker",
            run.Error,
            StringComparison.Ordinal
        );
        Assert.Contains(
            "Did you mean \"offset.storage.file.filename\"?",
            run.Error,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public async Task SinkReadingItsOwnDeadLetterQueue_IsRefused_AsRunRefusesIt()
    {
        var spec = _folder.Write(
            "loop.connector.json",
            """
            {
              "name": "loop-sink",
              "config": {
                "connector.class": "FileStreamSink",
                "topics": "orders,orders-dlq",
                "file": "orders.jsonl",
                "value.converter": "io.confluent.connect.avro.AvroConverter",
                "value.schema": "order.avsc",
                "errors.tolerance": "all",
                "errors.deadletterqueue.topic.name": "orders-dlq"
              }
            }
            """
        );

        var validate = await CliRun.InvokeAsync("validate", spec);
        var run = await CliRun.InvokeAsync("run", spec, "--duration", "30");

        Assert.True(validate.ExitCode == 1, validate.ToString());
        Assert.True(run.ExitCode == 1, run.ToString());
        const string Issue =
            "errors.deadletterqueue.topic.name: The dead-letter queue topic 'orders-dlq'";
        Assert.Contains(Issue, validate.Error, StringComparison.Ordinal);
        Assert.Contains(Issue, run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MalformedSpec_PrintsEveryDiagnostic_AsTheCompilerDoes_AndExitsOne()
    {
        var spec = _folder.Write(
            "bad.connector.json",
            """
            {
              "name": "bad spec",
              "config": {
                "connector.class": "FileStreamSinc",
                "tasks.max": "two",
                "topics": "orders"
              }
            }
            """
        );

        var run = await CliRun.InvokeAsync("validate", spec);

        Assert.True(run.ExitCode == 1, run.ToString());
        var lines = run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        // path(line,col): error ID: {file}, line {n}, at {json path}: ... as csc prints it.
        Assert.Contains(
            lines,
            l =>
                l.StartsWith(spec + "(2,", StringComparison.Ordinal)
                && l.Contains(
                    "error KCN0215: bad.connector.json, line 2, at $.name:",
                    StringComparison.Ordinal
                )
        );
        Assert.Contains(
            lines,
            l =>
                l.StartsWith(spec + "(4,", StringComparison.Ordinal)
                && l.Contains("error KCN0208:", StringComparison.Ordinal)
                && l.Contains("Did you mean \"FileStreamSink\"?", StringComparison.Ordinal)
        );
        Assert.Contains(
            lines,
            l =>
                l.StartsWith(spec + "(5,", StringComparison.Ordinal)
                && l.Contains(
                    "error KCN0203: bad.connector.json, line 5, at $.config['tasks.max']:",
                    StringComparison.Ordinal
                )
        );
        Assert.Contains("3 error(s)", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SchemaErrors_InTheSpecsSchema_AreReportedToo()
    {
        File.WriteAllText(
            _folder.File("order.avsc"),
            """
            {
              "type": "record",
              "name": "CliOrder",
              "fields": [ { "name": "quantity", "type": "integer" } ]
            }
            """
        );

        var run = await CliRun.InvokeAsync("validate", _folder.Spec);

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("order.avsc(4,", run.Error, StringComparison.Ordinal);
        Assert.Contains("error KCN00", run.Error, StringComparison.Ordinal);
        Assert.Contains("\"integer\"", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingFile_ExitsOne_NamingIt()
    {
        var missing = _folder.File("nowhere.connector.json");

        var run = await CliRun.InvokeAsync("validate", missing);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains(missing + ": no such file", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoSpec_IsAUsageError_ExitTwo()
    {
        var run = await CliRun.InvokeAsync("validate");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("kconnector --help", run.Error, StringComparison.Ordinal);
    }

    public void Dispose() => _folder.Dispose();
}
