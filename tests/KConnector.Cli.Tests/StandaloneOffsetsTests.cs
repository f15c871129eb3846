using System.Globalization;
using KConnector.Kafka;

namespace KConnector.Cli.Tests;

/// <summary>
/// <c>kconnector run</c> is Kafka Connect's standalone mode: a source's offsets are kept in
/// <c>offset.storage.file.filename</c> and a second run against the same cluster resumes where the
/// first stopped (issue 13: five runs of the quickstart's file source put every line in five times).
/// </summary>
public sealed class StandaloneOffsetsTests : IDisposable
{
    private const string Topic = "cli-standalone-orders";
    private readonly SpecFolder _folder = new();

    [Fact]
    public async Task FileSource_RunTwiceAgainstOneCluster_EachLineOnceInTheTopic()
    {
        using var kafka = EmbeddedKafka.Start(brokerCount: 1, initialRebalanceDelay: TimeSpan.Zero);
        kafka.CreateTopic(Topic, partitions: 1);
        var input = _folder.File("orders.jsonl");
        var offsets = _folder.File("standalone.offsets");
        var spec = StandaloneSpecs.Source(_folder, input, Topic);
        StandaloneSpecs.AppendOrders(input, 0, 30);

        var first = await RunAsync(spec, kafka.BootstrapServers, offsets, maxRecords: 30);
        StandaloneSpecs.AppendOrders(input, 30, 50);
        var second = await RunAsync(spec, kafka.BootstrapServers, offsets, maxRecords: 20);

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Contains(
            $"source offsets: in {offsets} (offset.storage.file.filename)",
            first.Output,
            StringComparison.Ordinal
        );
        Assert.Contains(
            "cli-orders-file-source: 20 records",
            second.Output,
            StringComparison.Ordinal
        );
        var ids = StandaloneSpecs.OrderIds(TopicContents.Values(kafka.BootstrapServers, Topic, 1));
        Assert.Equal(
            Enumerable
                .Range(0, 50)
                .Select(n => "order-" + n.ToString(CultureInfo.InvariantCulture)),
            ids
        );
    }

    [Fact]
    public async Task PropertiesFiles_AsConnectStandaloneTakesThem_RunTwice_EachLineOnce()
    {
        using var kafka = EmbeddedKafka.Start(brokerCount: 1, initialRebalanceDelay: TimeSpan.Zero);
        kafka.CreateTopic(Topic, partitions: 1);
        var input = _folder.File("orders.jsonl");
        var offsets = _folder.File("worker.offsets");
        var worker = _folder.Write(
            "worker.properties",
            $"bootstrap.servers={kafka.BootstrapServers}\noffset.storage.file.filename={offsets}\n"
        );
        var connector = _folder.Write(
            "orders-source.properties",
            $$"""
            name=props-orders-source
            connector.class=FileStreamSource
            file={{input}}
            format=json
            topic={{Topic}}
            poll.interval.ms=50
            key.converter=org.apache.kafka.connect.storage.StringConverter
            value.converter=org.apache.kafka.connect.json.JsonConverter
            value.converter.schemas.enable=false
            value.schema=order.avsc
            """
        );
        StandaloneSpecs.AppendOrders(input, 0, 10);

        var first = await CliRun.InvokeAsync("run", worker, connector, "--max-records", "10");
        StandaloneSpecs.AppendOrders(input, 10, 15);
        var second = await CliRun.InvokeAsync("run", worker, connector, "--max-records", "5");

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.True(
            first.Output.Contains($"source offsets: in {offsets}", StringComparison.Ordinal),
            first.ToString()
        );
        var ids = StandaloneSpecs.OrderIds(TopicContents.Values(kafka.BootstrapServers, Topic, 1));
        Assert.Equal(
            Enumerable
                .Range(0, 15)
                .Select(n => "order-" + n.ToString(CultureInfo.InvariantCulture)),
            ids
        );
    }

    [Fact]
    public async Task EmbeddedCluster_KeepsOffsetsInMemory_AndSaysWhy()
    {
        var input = _folder.File("orders.jsonl");
        StandaloneSpecs.AppendOrders(input, 0, 5);
        var spec = StandaloneSpecs.Source(_folder, input, Topic);

        var run = await CliRun.InvokeAsync(
            "run",
            spec,
            "--max-records",
            "5",
            "--progress-interval",
            "0"
        );

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains(
            "source offsets: in memory, as the embedded cluster's records",
            run.Output,
            StringComparison.Ordinal
        );
        Assert.False(File.Exists(_folder.File("connect.offsets")));
    }

    private static Task<CliRun> RunAsync(
        string spec,
        string bootstrapServers,
        string offsets,
        int maxRecords
    ) =>
        CliRun.InvokeAsync(
            "run",
            spec,
            "--set",
            "bootstrap.servers=" + bootstrapServers,
            "--set",
            "offset.storage.file.filename=" + offsets,
            "--max-records",
            maxRecords.ToString(CultureInfo.InvariantCulture),
            "--progress-interval",
            "0"
        );

    public void Dispose() => _folder.Dispose();
}
