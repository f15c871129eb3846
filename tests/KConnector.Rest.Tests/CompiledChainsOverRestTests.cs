using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Confluent.Kafka;
using KConnector.Kafka;
using KConnector.Testing.SchemaRegistry;
using KConnector.Testing.SpecRecords;

namespace KConnector.Rest.Tests;

/// <summary>
/// A transform chain compiled at creation for a connector created over REST (POST /connectors on
/// <c>kconnector run</c> serving REST), with the very config the IntegrationTests run as a
/// generated worker: payments-hoisted-source.connector.json (MaskField$Value, HoistField$Value,
/// SetSchemaMetadata$Value: a nested record, HoistedChainPipelineTests) and
/// payments-keyrecord-source.connector.json (ValueToKey, Cast$Key, MaskField$Key: a struct key made
/// from the value, KeyChainPipelineTests), whose key schema is the chain's, not one the factory
/// could look up in the registry. The topics hold the generated worker's records, and the registry
/// the derived schemas. A compiled HeaderFrom$Key on a source and HeaderFrom on a sink
/// (payments-keyheaders-source, payments-headers-sink) likewise write the generated worker's records.
/// </summary>
public sealed class CompiledChainsOverRestTests
{
    private const int Payments = 8;

    [Fact]
    public async Task ConnectorsPostedWithCompiledChains_WriteTheGeneratedWorkersRecords()
    {
        using var kafka = EmbeddedKafka.Start(brokerCount: 1, initialRebalanceDelay: TimeSpan.Zero);
        kafka.CreateTopic("payments-hoisted", partitions: 1);
        kafka.CreateTopic("payments-keyrecord", partitions: 1);
        await using var registry = await SchemaRegistryTestServer.StartAsync();
        using var road = await RestRoad.StartAsync(
            kafka,
            "payments-hoisted-source.connector.json",
            "payments-keyrecord-source.connector.json",
            "payment.avsc"
        );
        var file = ("file", await road.WritePaymentsAsync(Payments));
        var registryUrl = ("value.converter.schema.registry.url", registry.Url);
        await road.PostAsync("payments-hoisted-source", file, registryUrl);
        await road.PostAsync(
            "payments-keyrecord-source",
            file,
            registryUrl,
            ("key.converter.schema.registry.url", registry.Url)
        );

        await road.UntilAsync(
            () =>
                RestRoad.EndOffset(kafka, "payments-hoisted") >= Payments
                && RestRoad.EndOffset(kafka, "payments-keyrecord") >= Payments,
            "the hoisted and the keyed payments on their topics"
        );
        Assert.Equal(
            Enumerable.Range(0, Payments).Select(PaymentChainRecords.Hoisted),
            RestRoad
                .Read(kafka, "payments-hoisted")
                .Select(r => PaymentChainRecords.EnvelopeJson(r.Value))
        );
        Assert.Equal(
            "PaymentEnvelope",
            (await RestRoad.LatestSchemaAsync(registry, "payments-hoisted-value"))[
                "name"
            ]!.GetValue<string>()
        );
        Assert.Equal(
            Enumerable.Range(0, Payments).Select(PaymentChainRecords.KeyRecord),
            RestRoad
                .Read(kafka, "payments-keyrecord")
                .Select(r => PaymentChainRecords.KeyRecordJson(r.Key))
        );
        var key = await RestRoad.LatestSchemaAsync(registry, "payments-keyrecord-key");
        Assert.Equal("io.confluent.connect.avro.ConnectDefault", FullName(key));
    }

    /// <summary>
    /// Compiled HeaderFrom over REST: payments-keyheaders-source (ValueToKey, HeaderFrom$Key move,
    /// ExtractField$Key: KeyHeaderFromPipelineTests) writes the key fields as headers, the key the
    /// id; payments-headers-sink (Cast, HeaderFrom move, MaskField, then InsertHeader:
    /// SinkHeaderFromPipelineTests) writes the values without the moved fields.
    /// </summary>
    [Fact]
    public async Task ConnectorsPostedWithACompiledHeaderFrom_WriteTheGeneratedWorkersRecords()
    {
        using var kafka = EmbeddedKafka.Start(brokerCount: 1, initialRebalanceDelay: TimeSpan.Zero);
        kafka.CreateTopic("payments-keyheaders", partitions: 1);
        kafka.CreateTopic("payments-in", partitions: 1);
        ProduceJson(kafka, "payments-in");
        using var road = await RestRoad.StartAsync(
            kafka,
            "payments-keyheaders-source.connector.json",
            "payments-headers-sink.connector.json",
            "payment.avsc"
        );
        var output = Path.Combine(road.Folder, "payments-out.jsonl");
        await road.PostAsync(
            "payments-keyheaders-source",
            ("file", await road.WritePaymentsAsync(Payments))
        );
        await road.PostAsync(
            "payments-headers-sink",
            ("file", output),
            ("value.converter", "org.apache.kafka.connect.json.JsonConverter"),
            ("value.converter.schemas.enable", "false")
        );

        await road.UntilAsync(
            () =>
                RestRoad.EndOffset(kafka, "payments-keyheaders") >= Payments
                && File.Exists(output)
                && File.ReadLines(output).Count() >= Payments,
            "the keyed payments on their topic and the sink's file written"
        );
        Assert.Equal(
            Enumerable
                .Range(0, Payments)
                .Select(i =>
                    string.Create(
                        CultureInfo.InvariantCulture,
                        $"p-{i}:code={100 + i},remark={(i % 2 == 0 ? "n" + i : "(null)")}"
                    )
                ),
            RestRoad
                .Read(kafka, "payments-keyheaders")
                .Select(r =>
                    Encoding.UTF8.GetString(r.Key)
                    + ":"
                    + string.Join(
                        ",",
                        r.Headers.Select(h =>
                            h.Key
                            + "="
                            + (h.GetValueBytes() is { } b ? Encoding.UTF8.GetString(b) : "(null)")
                        )
                    )
                )
        );
        // HeaderFrom moved id, cvv and note; MaskField emptied the card.
        Assert.Equal(
            Enumerable
                .Range(0, Payments)
                .Select(i => string.Create(CultureInfo.InvariantCulture, $"{i + 0.5}|")),
            File.ReadAllLines(output)
                .Select(l => JsonNode.Parse(l)!.AsObject())
                .Select(v =>
                    string.Join(",", v.Select(f => f.Key).Except(["amount", "card"]))
                    + string.Create(
                        CultureInfo.InvariantCulture,
                        $"{v["amount"]!.GetValue<double>()}|{v["card"]!.GetValue<string>()}"
                    )
                )
        );
    }

    // The payments as schemaless JSON values, for a sink whose value.converter is the JsonConverter.
    private static void ProduceJson(EmbeddedKafka kafka, string topic)
    {
        using var producer = new ProducerBuilder<Null, string>(
            new ProducerConfig { BootstrapServers = kafka.BootstrapServers }
        ).Build();
        for (var i = 0; i < Payments; i++)
        {
            producer.Produce(topic, new() { Value = RegisteredPayments.Line(i) });
        }
        producer.Flush(TimeSpan.FromSeconds(30));
    }

    private static string FullName(JsonNode schema) =>
        schema["namespace"]!.GetValue<string>() + "." + schema["name"]!.GetValue<string>();
}
