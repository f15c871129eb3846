using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;

namespace KConnector.Cli.Tests.Kafka;

/// <summary>
/// Issue 20, item 3: <c>bootstrap.servers</c> names a closed port. The run says once, clearly,
/// that Kafka cannot be reached (then at most a reminder every 30 s, never a line per client
/// error), honours <c>--duration</c>, and fails the connector once Kafka has been unreachable for
/// <c>delivery.timeout.ms</c> (a source) or <c>max.poll.interval.ms</c> (a sink).
/// </summary>
public sealed class KafkaUnreachableTests : IDisposable
{
    private readonly SpecFolder _folder = new();

    [Fact]
    public async Task ClosedPort_IsSaidOnce_AndTheRunStopsAtItsDuration()
    {
        var (run, servers) = await RunAgainstClosedPortAsync(SourceSpec(), 4);

        AssertSaidOnce_AndStoppedAtTheDuration(run, servers);
    }

    [Fact]
    public async Task ClosedPort_FailsTheConnector_AfterDeliveryTimeout_NamingTheKey()
    {
        var (run, servers) = await RunAgainstClosedPortAsync(
            SourceSpec(),
            60,
            "producer.override.delivery.timeout.ms=2000"
        );

        AssertFailed_NamingTheKey(run, servers, "delivery.timeout.ms");
        Assert.Equal(0, Count(run.Error, "DLQ"));
    }

    [Fact]
    public async Task Sink_ClosedPort_IsSaidOnce_AndTheRunStopsAtItsDuration()
    {
        var (run, servers) = await RunAgainstClosedPortAsync(SinkSpec(), 4);

        AssertSaidOnce_AndStoppedAtTheDuration(run, servers);
        Assert.Contains("max.poll.interval.ms=300000", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sink_ClosedPort_FailsTheConnector_AfterMaxPollInterval_NamingTheKey()
    {
        var (run, servers) = await RunAgainstClosedPortAsync(
            SinkSpec(),
            60,
            "consumer.override.max.poll.interval.ms=2000",
            "consumer.override.session.timeout.ms=1000"
        );

        AssertFailed_NamingTheKey(run, servers, "max.poll.interval.ms");
        Assert.Contains(
            "the records not committed are read again at the next start",
            run.Error,
            StringComparison.Ordinal
        );
    }

    // `kconnector run spec` with bootstrap.servers at a closed port, the overrides and --duration.
    private static async Task<(CliRun Run, string Servers)> RunAgainstClosedPortAsync(
        string spec,
        int durationSeconds,
        params string[] overrides
    )
    {
        var servers = "127.0.0.1:" + ClosedPort().ToString(CultureInfo.InvariantCulture);
        string[] args =
        [
            "run",
            spec,
            "--set",
            "bootstrap.servers=" + servers,
            .. overrides.SelectMany(o => new[] { "--set", o }),
            "--duration",
            durationSeconds.ToString(CultureInfo.InvariantCulture),
        ];
        return (await CliRun.InvokeAsync(args), servers);
    }

    private static void AssertSaidOnce_AndStoppedAtTheDuration(CliRun run, string servers)
    {
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("--duration 4s elapsed", run.Output, StringComparison.Ordinal);
        // The run (from its start to every connector stopped) ends at its duration, not 30 s later.
        Assert.True(RunSeconds(run) < 8, run.ToString());
        Assert.Equal(1, Count(run.Error, $"Kafka at {servers} cannot be reached"));
        // No flood: librdkafka's own reports of each failed connection are not repeated.
        Assert.True(run.Error.Split('\n').Length < 8, run.ToString());
    }

    private static void AssertFailed_NamingTheKey(CliRun run, string servers, string key)
    {
        Assert.True(run.ExitCode == 3, run.ToString());
        Assert.Contains("a connector failed", run.Output, StringComparison.Ordinal);
        Assert.True(RunSeconds(run) < 15, run.ToString());
        Assert.Contains(
            $"Kafka at {servers} could not be reached for 2 s ({key})",
            run.Error,
            StringComparison.Ordinal
        );
    }

    private string SinkSpec() =>
        _folder.Write(
            "unreachable-sink.connector.json",
            $$"""
            {
              "name": "unreachable-sink",
              "config": {
                "connector.class": "FileStreamSink",
                "topics": "orders",
                "file": {{System.Text.Json.JsonSerializer.Serialize(_folder.File("out.jsonl"))}},
                "key.converter": "org.apache.kafka.connect.storage.StringConverter",
                "value.converter": "org.apache.kafka.connect.json.JsonConverter",
                "value.converter.schemas.enable": false,
                "value.schema": "order.avsc"
              }
            }
            """
        );

    private string SourceSpec()
    {
        var lines = new StringBuilder();
        for (var n = 0; n < 20; n++)
        {
            lines.Append(
                CultureInfo.InvariantCulture,
                $"{{\"order_id\":\"o-{n}\",\"quantity\":{n}}}\n"
            );
        }
        File.WriteAllText(_folder.File("orders.jsonl"), lines.ToString());
        return _folder.Write(
            "unreachable.connector.json",
            $$"""
            {
              "name": "unreachable",
              "config": {
                "connector.class": "FileStreamSource",
                "file": "{{_folder.File("orders.jsonl").Replace(
                "\\",
                "\\\\",
                StringComparison.Ordinal
            )}}",
                "format": "json",
                "topic": "orders",
                "key.converter": "org.apache.kafka.connect.storage.StringConverter",
                "value.converter": "io.confluent.connect.avro.AvroConverter",
                "value.converter.schema.registry.url": "mock://unreachable",
                "value.schema": "order.avsc",
                "errors.tolerance": "all"
              }
            }
            """
        );
    }

    // The seconds in the summary's "<reason> after 4.1s".
    private static double RunSeconds(CliRun run) =>
        double.Parse(
            Regex.Match(run.Output, @" after (\d+\.\d)s").Groups[1].Value,
            CultureInfo.InvariantCulture
        );

    private static int Count(string text, string what)
    {
        var count = 0;
        for (
            var at = text.IndexOf(what, StringComparison.Ordinal);
            at >= 0;
            at = text.IndexOf(what, at + what.Length, StringComparison.Ordinal)
        )
        {
            count++;
        }
        return count;
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose() => _folder.Dispose();
}
