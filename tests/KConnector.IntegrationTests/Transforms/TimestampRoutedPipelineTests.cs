using System.Globalization;
using System.Text.Json.Nodes;
using KConnector.Connectors;
using KConnector.IntegrationTests.Reliability;
using KConnector.IntegrationTests.Specs;
using KConnector.Kafka;

namespace KConnector.IntegrationTests.Transforms;

/// <summary>
/// Issue 15's pipeline with its TimestampRouter: a source whose records carry timestamps (the spec
/// of the attribute source <see cref="StampedPaymentsSource"/>, stamped-payments.connector.json) runs
/// InsertField + ReplaceField + Cast + SetSchemaMetadata compiled at build time and TimestampRouter
/// at run time; each record lands in <c>${topic}-${timestamp}</c> with its timestamp formatted
/// <c>yyyyMMdd</c> in UTC, as Kafka Connect's TimestampRouter names it, and a sink spec reading both
/// topics writes the transformed records.
/// </summary>
public sealed class TimestampRoutedPipelineTests : IDisposable
{
    private const int Payments = 12;
    private readonly string _directory = Directory
        .CreateTempSubdirectory("kconnector-stamped-")
        .FullName;

    [Fact]
    public async Task AttributeSourceToFileSink_RoutedByTimestamp_Transformed()
    {
        using var kafka = EmbeddedKafka.Start(brokerCount: 1, initialRebalanceDelay: TimeSpan.Zero);
        kafka.CreateTopic("stamped-20260305", partitions: 1);
        kafka.CreateTopic("stamped-20260306", partitions: 1);
        var output = Path.Combine(_directory, "out.jsonl");
        using var environment = new ConnectorEnvironment();
        var source = new StampedPaymentsWorker(
            StampedPaymentsConfig.Parse(
                new Dictionary<string, string?>(StampedPaymentsConfig.SpecValues)
                {
                    ["bootstrap.servers"] = kafka.BootstrapServers,
                }
            ),
            environment
        );
        await WorkerRuns.RunUntilAsync([source], () => source.RecordsProcessed >= Payments);
        var sink = new StampedPaymentsSinkWorker(
            StampedPaymentsSinkConfig.Parse(
                new Dictionary<string, string?>(StampedPaymentsSinkConfig.SpecValues)
                {
                    ["bootstrap.servers"] = kafka.BootstrapServers,
                    ["file"] = output,
                }
            ),
            environment
        );
        await WorkerRuns.RunUntilAsync([sink], () => LineCount(output) >= Payments);

        // 20:00 UTC on 5 March 2026 plus n hours: payments 0-3 on the 5th, 4-11 on the 6th.
        Assert.Equal(4, Count(kafka, "stamped-20260305"));
        Assert.Equal(8, Count(kafka, "stamped-20260306"));
        Assert.Equal(
            Enumerable.Range(0, Payments).Select(Expected).Order(StringComparer.Ordinal),
            (await File.ReadAllLinesAsync(output))
                .Select(l => JsonNode.Parse(l)!.ToJsonString())
                .Order(StringComparer.Ordinal)
        );
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException) { }
    }

    // Payment n after the chain: card renamed pan, cvv dropped, amount a string (a real keeps its
    // ".0"), the static field inserted last.
    private static string Expected(int n)
    {
        var p = StampedPaymentsSource.PaymentNumber(n);
        return new JsonObject
        {
            ["id"] = p.Id,
            ["amount"] = KConnector.Transforms.Compiled.CompiledCast.Text(p.Amount),
            ["pan"] = p.Card,
            ["note"] = p.Note,
            ["source"] = "shop",
        }.ToJsonString();
    }

    private static int Count(EmbeddedKafka kafka, string topic) =>
        TopicReader.ReadAll(kafka.BootstrapServers, topic, WorkerRuns.Deadline).Count;

    private static int LineCount(string path) =>
        File.Exists(path) ? File.ReadLines(path).Count() : 0;
}
