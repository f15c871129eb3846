using System.Globalization;
using System.Text.Json;
using Confluent.Kafka;
using KConnector.Cli.Tests.Shop;
using KConnector.Converters;
using KConnector.Kafka;
using KConnector.SchemaRegistry;

namespace KConnector.Cli.Tests;

/// <summary>
/// <c>kconnector run</c>: the spec compiled at run time runs against a real (embedded) cluster,
/// prints progress and a summary, and stops with an exit code a script can trust.
/// </summary>
public sealed class RunCommandTests : IDisposable
{
    private readonly SpecFolder _folder = new();

    [Fact]
    public async Task FileSinkSpec_WritesEveryRecord_ThenStopsAtMaxRecords_ExitZero()
    {
        const int Total = 40;
        using var kafka = EmbeddedKafka.Start(brokerCount: 1, initialRebalanceDelay: TimeSpan.Zero);
        kafka.CreateTopic("cli-orders", partitions: 2);
        await ProduceAsync(kafka.BootstrapServers, Total);
        var output = _folder.File("out/orders.jsonl");

        var run = await CliRun.InvokeAsync(
            "run",
            _folder.Spec,
            "--set",
            "bootstrap.servers=" + kafka.BootstrapServers,
            "--set",
            "file=" + output,
            "--max-records",
            Total.ToString(CultureInfo.InvariantCulture),
            "--progress-interval",
            "0.1"
        );

        Assert.True(run.ExitCode == 0, run.ToString());
        var ids = File.ReadAllLines(output)
            .Select(l => JsonDocument.Parse(l).RootElement.GetProperty("order_id").GetString())
            .Order(StringComparer.Ordinal);
        Assert.Equal(
            Enumerable.Range(0, Total).Select(n => "order-" + n).Order(StringComparer.Ordinal),
            ids
        );
        Assert.Contains("running cli-orders-file-sink", run.Output, StringComparison.Ordinal);
        Assert.Contains($"--max-records {Total} reached", run.Output, StringComparison.Ordinal);
        Assert.Contains(
            $"cli-orders-file-sink: {Total} records",
            run.Output,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public async Task NoBootstrapServers_RunsOnTheEmbeddedCluster_SaysSo_AndStopsAtDuration()
    {
        var run = await CliRun.InvokeAsync(
            "run",
            _folder.Spec,
            "--set",
            "file=" + _folder.File("embedded.jsonl"),
            "--duration",
            "2",
            "--progress-interval",
            "0.5"
        );

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("EMBEDDED Kafka cluster", run.Error, StringComparison.Ordinal);
        Assert.Contains("--duration 2s elapsed", run.Output, StringComparison.Ordinal);
        // At least one progress line before the summary.
        Assert.Contains("] cli-orders-file-sink: 0 records", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvalidConfigOverride_ExitsOne_NamingTheKey_BeforeAnythingRuns()
    {
        var run = await CliRun.InvokeAsync(
            "run",
            _folder.Spec,
            "--set",
            "tasks.max=0",
            "--duration",
            "30"
        );

        run.AssertRefusedBeforeRunning("cli-orders-file-sink: invalid config", "tasks.max");
    }

    [Theory]
    [InlineData("no.such.key=1", "no.such.key: is not a key of the connector", "")]
    [InlineData("fiel=x.jsonl", "fiel: is not a key of the connector", "Did you mean \"file\"?")]
    [InlineData(
        "offset.storage.file.filname=x",
        "offset.storage.file.filname: is not a key",
        "Did you mean \"offset.storage.file.filename\"?"
    )]
    public async Task UnknownSetKey_IsRefused_ExitOne_NamingTheKey(
        string set,
        string message,
        string suggestion
    )
    {
        var run = await CliRun.InvokeAsync("run", _folder.Spec, "--set", set, "--duration", "30");

        run.AssertRefusedBeforeRunning(message, suggestion);
    }

    [Fact]
    public async Task InvalidSpec_IsNotStarted_ExitOne_WithTheDiagnostics()
    {
        var spec = _folder.Write(
            "broken.connector.json",
            "{\n  \"name\": \"broken\",\n  \"config\": {\n    \"connector.class\": \"FileStreamSink\",\n    \"tasks.maxx\": 2\n  }\n}\n"
        );

        var run = await CliRun.InvokeAsync("run", spec, "--duration", "30");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("broken.connector.json(5,", run.Error, StringComparison.Ordinal);
        Assert.Contains("Did you mean \"tasks.max\"?", run.Error, StringComparison.Ordinal);
        Assert.Contains("Not started", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MalformedSetOption_IsAUsageError_ExitTwo()
    {
        var run = await CliRun.InvokeAsync("run", _folder.Spec, "--set", "tasks.max");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("expected key=value", run.Error, StringComparison.Ordinal);
    }

    private static async Task ProduceAsync(string bootstrapServers, int total)
    {
        using var producer = new ProducerBuilder<byte[]?, byte[]?>(
            new ProducerConfig { BootstrapServers = bootstrapServers }
        ).Build();
        var keys = new StringConverter();
        var values = new AvroConverter<CliOrder>(
            new MockSchemaRegistryClient("cli-tests"),
            isKey: false
        );
        for (var n = 0; n < total; n++)
        {
            var id = "order-" + n.ToString(CultureInfo.InvariantCulture);
            await producer.ProduceAsync(
                "cli-orders",
                new Message<byte[]?, byte[]?>
                {
                    Key = keys.FromConnectData("cli-orders", id),
                    Value = values.FromConnectData(
                        "cli-orders",
                        new CliOrder { OrderId = id, Quantity = n }
                    ),
                }
            );
        }
    }

    public void Dispose() => _folder.Dispose();
}
