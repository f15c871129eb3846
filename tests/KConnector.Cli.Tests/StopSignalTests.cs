using System.Globalization;
using Confluent.Kafka;
using KConnector.Kafka;

namespace KConnector.Cli.Tests;

/// <summary>
/// SIGINT (Ctrl+C) and SIGTERM stop <c>kconnector run</c> cleanly, as Kafka Connect's standalone
/// worker's shutdown hook does: the tasks stop, the sink flushes and commits, the source commits
/// its offsets, the summary prints and the exit code is 0. Offsets are committed only at the stop
/// here (<c>offset.flush.interval.ms</c> of 10 minutes), so what the files hold afterwards was
/// written by the clean stop itself.
/// </summary>
public sealed class StopSignalTests : IDisposable
{
    private const int Total = 2000;
    private const string Topic = "cli-signal-orders";
    private readonly SpecFolder _folder = new();

    [Theory]
    [InlineData(ChildCli.SigInt)]
    [InlineData(ChildCli.SigTerm)]
    public async Task Signal_StopsCleanly_FlushesCommitsSummarizes_ExitZero(string signal)
    {
        using var kafka = EmbeddedKafka.Start(brokerCount: 1, initialRebalanceDelay: TimeSpan.Zero);
        kafka.CreateTopic(Topic, partitions: 1);
        var input = _folder.File("orders.jsonl");
        var output = _folder.File("out/orders.jsonl");
        StandaloneSpecs.AppendOrders(input, 0, Total);
        var source = StandaloneSpecs.Source(_folder, input, Topic);
        var sink = StandaloneSpecs.Sink(_folder, Topic, output);

        using var child = ChildCli.Start(
            _folder.Path,
            "run",
            source,
            sink,
            "--set",
            "bootstrap.servers=" + kafka.BootstrapServers,
            "--set",
            "offset.flush.interval.ms=600000",
            "--progress-interval",
            "0"
        );
        await child.WaitUntilAsync(
            () => child.Output.Contains("running", StringComparison.Ordinal),
            "the worker to start",
            // Generous: `run` compiles both specs with Roslyn first, which on a loaded CI
            // machine (every test project at once, load average 50) took over 90 s once.
            TimeSpan.FromSeconds(240)
        );
        await child.WaitUntilAsync(
            () => TopicContents.Values(kafka.BootstrapServers, Topic, 1).Count == Total,
            "every line in the topic",
            TimeSpan.FromSeconds(60)
        );
        // The sink has put records (its file stream wrote a buffer's worth), none committed yet.
        await child.WaitUntilAsync(
            () => new FileInfo(output) is { Exists: true, Length: > 0 },
            "the sink to write",
            TimeSpan.FromSeconds(60)
        );
        child.Signal(signal);
        var exitCode = await child.WaitForExitAsync(TimeSpan.FromSeconds(180));

        Assert.True(exitCode == 0, $"exit code {exitCode}\n{child}");
        Assert.Contains("stopped by a signal", child.Output, StringComparison.Ordinal);
        Assert.Contains(
            "cli-orders-file-source: "
                + Total.ToString("N0", CultureInfo.InvariantCulture)
                + " records",
            child.Output,
            StringComparison.Ordinal
        );
        Assert.Contains("cli-orders-json-file-sink: ", child.Output, StringComparison.Ordinal);
        // The source's offset (the default file in the working directory), written at the stop.
        var offsets = File.ReadAllText(_folder.File("connect.offsets"));
        Assert.Contains("cli-orders-file-source", offsets, StringComparison.Ordinal);
        // What the sink's group committed at the stop is exactly what it flushed to its file.
        var written = File.ReadAllLines(output).Length;
        Assert.Equal(written, CommittedOffset(kafka.BootstrapServers));
        Assert.True(written > 0, child.ToString());
    }

    private static long CommittedOffset(string bootstrapServers)
    {
        using var consumer = new ConsumerBuilder<Ignore, Ignore>(
            new ConsumerConfig
            {
                BootstrapServers = bootstrapServers,
                GroupId = "connect-cli-orders-json-file-sink",
            }
        ).Build();
        var committed = consumer.Committed(
            [new TopicPartition(Topic, 0)],
            TimeSpan.FromSeconds(10)
        );
        return committed.Single().Offset.Value;
    }

    public void Dispose() => _folder.Dispose();
}
