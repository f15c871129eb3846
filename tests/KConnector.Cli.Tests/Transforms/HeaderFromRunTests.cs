using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Confluent.Kafka;
using KConnector.Kafka;
using KConnector.Testing.SpecRecords;

namespace KConnector.Cli.Tests.Transforms;

/// <summary>
/// A compiled HeaderFrom (and HeaderFrom$Key) and compiled stages under predicates, through
/// <c>kconnector run</c> of the very specs the IntegrationTests run as generated workers
/// (HeaderFromPipelineTests, KeyHeaderFromPipelineTests, ConditionalChainPipelineTests), their values written as schemaless JSON: the topic holds the
/// headers (InsertHeader's, then HeaderFrom's, through the default SimpleHeaderConverter) and the
/// values the generated worker writes; and a schema-changing stage under TopicNameMatches the build
/// decided on the file source's topic (TopicDecidedPipelineTests), and a MaskField under HasHeaderKey
/// (HeaderPredicatePipelineTests' source).
/// </summary>
public sealed class HeaderFromRunTests : IDisposable
{
    private const int Lines = 4;
    private readonly SpecFolder _folder = new();

    [Fact]
    public async Task HeaderFromMove_HeadersAfterTheRecordsOwn_ValuesWithoutTheMovedFields()
    {
        var messages = await RunAsync("payments-headers-source.connector.json", "payments-headers");

        foreach (var (message, i) in messages.Select((m, i) => (m, i)))
        {
            Assert.Equal(
                [
                    ("origin", "shop"),
                    ("payment-id", "p-" + i),
                    ("code", (100 + i).ToString(CultureInfo.InvariantCulture)),
                    ("remark", i % 2 == 0 ? "n" + i : null),
                ],
                message.Headers.Select(h =>
                    (h.Key, h.GetValueBytes() is { } b ? Encoding.UTF8.GetString(b) : null)
                )
            );
            Assert.Equal(
                JsonNode
                    .Parse(
                        string.Create(
                            CultureInfo.InvariantCulture,
                            $$"""{"amount":{{i + 0.5}},"card":""}"""
                        )
                    )!
                    .ToJsonString(),
                JsonNode.Parse(message.Value)!.ToJsonString()
            );
        }
    }

    [Fact]
    public async Task HeaderFromKey_MovesTheKeysFieldsToHeaders_TheKeyItsId()
    {
        var messages = await RunAsync(
            "payments-keyheaders-source.connector.json",
            "payments-keyheaders"
        );

        foreach (var (message, i) in messages.Select((m, i) => (m, i)))
        {
            Assert.Equal("p-" + i, Encoding.UTF8.GetString(message.Key!));
            Assert.Equal(
                [
                    ("code", (100 + i).ToString(CultureInfo.InvariantCulture)),
                    ("remark", i % 2 == 0 ? "n" + i : null),
                ],
                message.Headers.Select(h =>
                    (h.Key, h.GetValueBytes() is { } b ? Encoding.UTF8.GetString(b) : null)
                )
            );
            Assert.Equal(string.Empty, JsonNode.Parse(message.Value)!["card"]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task HeaderFromMoveOnASink_TheFileHoldsTheValuesWithoutTheMovedFields()
    {
        using var kafka = EmbeddedKafka.Start(brokerCount: 1, initialRebalanceDelay: TimeSpan.Zero);
        kafka.CreateTopic("payments-in", partitions: 1);
        using (
            var producer = new ProducerBuilder<Null, string>(
                new ProducerConfig { BootstrapServers = kafka.BootstrapServers }
            ).Build()
        )
        {
            for (var i = 0; i < Lines; i++)
            {
                producer.Produce("payments-in", new() { Value = RegisteredPayments.Line(i) });
            }
            producer.Flush(TimeSpan.FromSeconds(30));
        }
        var spec = StandaloneRoad.CopyFromIntegrationTests(
            _folder,
            "payments-headers-sink.connector.json",
            "payment.avsc"
        );
        var output = _folder.File("payments-out.jsonl");

        var run = await StandaloneRoad.RunAsync(
            _folder,
            kafka.BootstrapServers,
            spec,
            Lines,
            "file=" + output,
            "value.converter=org.apache.kafka.connect.json.JsonConverter",
            "value.converter.schemas.enable=false"
        );

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(
            Enumerable
                .Range(0, Lines)
                .Select(i =>
                    JsonNode
                        .Parse(
                            string.Create(
                                CultureInfo.InvariantCulture,
                                $$"""{"amount":{{i + 0.5}},"card":""}"""
                            )
                        )!
                        .ToJsonString()
                ),
            File.ReadAllLines(output).Select(l => JsonNode.Parse(l)!.ToJsonString())
        );
    }

    [Fact]
    public async Task StagesUnderPredicates_OnTheMatchingTopic_MaskedWithoutHeaders()
    {
        var messages = await RunAsync(
            "payments-conditional-source.connector.json",
            "payments-conditional"
        );

        foreach (var (message, i) in messages.Select((m, i) => (m, i)))
        {
            Assert.Empty(message.Headers);
            var value = JsonNode.Parse(message.Value)!;
            Assert.Equal("p-" + i, value["id"]!.GetValue<string>());
            Assert.Equal(string.Empty, value["card"]!.GetValue<string>());
            Assert.Null(value["cvv"]);
        }
    }

    [Fact]
    public async Task SchemaChangingStagesDecidedOnTheTopic_RoutedRecordsWithoutCvv_AmountUncast()
    {
        // TopicDecidedPipelineTests' spec: ReplaceField compiled in, the negated Cast out, then routed.
        var messages = await RunAsync(
            "payments-topic-decided-source.connector.json",
            "payments-routed"
        );

        foreach (var (message, i) in messages.Select((m, i) => (m, i)))
        {
            var value = JsonNode.Parse(message.Value)!;
            Assert.Equal("p-" + i, value["id"]!.GetValue<string>());
            Assert.Equal(i + 0.5, value["amount"]!.GetValue<double>());
            Assert.Null(value["cvv"]);
        }
    }

    [Fact]
    public async Task MaskFieldUnderHasHeaderKey_MasksUnderTheInsertedHeaderOnly()
    {
        // HeaderPredicatePipelineTests' source: card masked under the pii header InsertHeader adds, id not (no audit header).
        var messages = await RunAsync("payments-pii-source.connector.json", "payments-pii-source");

        foreach (var (message, i) in messages.Select((m, i) => (m, i)))
        {
            var value = JsonNode.Parse(message.Value)!;
            Assert.Equal("p-" + i, value["id"]!.GetValue<string>());
            Assert.Equal(string.Empty, value["card"]!.GetValue<string>());
            Assert.Equal("yes", Encoding.UTF8.GetString(message.Headers.GetLastBytes("pii")));
        }
    }

    // The IntegrationTests' spec run on the payments input, its values as schemaless JSON.
    private Task<IReadOnlyList<Confluent.Kafka.Message<byte[]?, byte[]?>>> RunAsync(
        string specName,
        string topic
    ) =>
        StandaloneRoad.RunPaymentsSpecAsync(
            _folder,
            specName,
            topic,
            Lines,
            "value.converter=org.apache.kafka.connect.json.JsonConverter",
            "value.converter.schemas.enable=false"
        );

    public void Dispose() => _folder.Dispose();
}
