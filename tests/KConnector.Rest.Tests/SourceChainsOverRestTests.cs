using System.Text.Json.Nodes;
using KConnector.Avro;
using KConnector.Kafka;
using KConnector.Testing.SchemaRegistry;
using KConnector.Testing.SpecRecords;

namespace KConnector.Rest.Tests;

/// <summary>
/// File sources whose chains compile at creation, POSTed to /connectors on <c>kconnector run</c>
/// serving REST with the very specs the IntegrationTests run as generated workers:
/// payments-headers-source (InsertHeader, Cast$Value, a compiled HeaderFrom$Value move, MaskField:
/// HeaderFromPipelineTests), payments-conditional-source (compiled stages under RecordIsTombstone
/// and TopicNameMatches: ConditionalChainPipelineTests) and payments-amount-source (a primitive key
/// and value: PrimitiveChainPipelineTests). The topics hold the records and headers the generated
/// workers write, and the registry the schemas they register.
/// </summary>
public sealed class SourceChainsOverRestTests
{
    private const int Payments = 6;

    [Fact]
    public async Task SourcesPostedWithCompiledChains_WriteTheGeneratedWorkersRecords()
    {
        using var kafka = EmbeddedKafka.Start(brokerCount: 1, initialRebalanceDelay: TimeSpan.Zero);
        string[] topics = ["payments-headers", "payments-conditional", "payments-amount"];
        foreach (var topic in topics)
        {
            kafka.CreateTopic(topic, partitions: 1);
        }
        await using var registry = await SchemaRegistryTestServer.StartAsync();
        using var road = await RestRoad.StartAsync(
            kafka,
            "payments-headers-source.connector.json",
            "payments-conditional-source.connector.json",
            "payments-amount-source.connector.json",
            "payment.avsc"
        );
        var file = ("file", await road.WritePaymentsAsync(Payments));
        var values = ("value.converter.schema.registry.url", registry.Url);
        await road.PostAsync("payments-headers-source", file, values);
        await road.PostAsync("payments-conditional-source", file);
        await road.PostAsync(
            "payments-amount-source",
            file,
            values,
            ("key.converter.schema.registry.url", registry.Url)
        );

        await road.UntilAsync(
            () => topics.All(t => RestRoad.EndOffset(kafka, t) >= Payments),
            "the three sources' payments on their topics"
        );
        await AssertHeadersSourceAsync(kafka, registry);
        AssertConditionalSource(kafka);
        await AssertAmountSourceAsync(kafka, registry);
    }

    // HeaderFromPipelineTests: InsertHeader's header, then HeaderFrom's (moved out of the value,
    // cvv cast to int16 first), the null note as a null header; the value {amount, card masked}.
    private static async Task AssertHeadersSourceAsync(
        EmbeddedKafka kafka,
        SchemaRegistryTestServer registry
    )
    {
        var records = RestRoad.Read(kafka, "payments-headers");
        Assert.Equal(
            Enumerable.Range(0, Payments).Select(PaymentChainRecords.HeadersOf),
            records.Select(r => PaymentChainRecords.HeadersText(r.Headers))
        );
        foreach (var (record, i) in records.Select((r, i) => (r, i)))
        {
            Assert.Equal(0, record.Value[0]);
            var reader = new AvroReader(record.Value.AsSpan(5));
            Assert.Equal(i + 0.5, reader.ReadDouble("amount"));
            Assert.Equal(string.Empty, reader.ReadString("card"));
            reader.ExpectEnd("value");
        }
        var schema = await RestRoad.LatestSchemaAsync(registry, "payments-headers-value");
        Assert.Equal(
            ["amount", "card"],
            schema["fields"]!.AsArray().Select(f => f!["name"]!.GetValue<string>())
        );
    }

    // ConditionalChainPipelineTests: on a topic TopicNameMatches matches, not a tombstone: cvv
    // dropped, card masked, no header copied (its predicate negated).
    private static void AssertConditionalSource(EmbeddedKafka kafka)
    {
        var records = RestRoad.Read(kafka, "payments-conditional");
        Assert.All(records, r => Assert.Empty(r.Headers));
        Assert.Equal(
            Enumerable.Range(0, Payments).Select(PaymentChainRecords.Conditional),
            records.Select(r => JsonNode.Parse(r.Value)!.ToJsonString())
        );
    }

    // PrimitiveChainPipelineTests.FileSource_KeyFromAValueNumber_ValueTheCastAmount: the key the
    // int cvv, the value the amount cast to int64, "int" and "long" registered.
    private static async Task AssertAmountSourceAsync(
        EmbeddedKafka kafka,
        SchemaRegistryTestServer registry
    )
    {
        Assert.Equal(
            Enumerable.Range(0, Payments).Select(i => (100L + i, (long)i)),
            RestRoad
                .Read(kafka, "payments-amount")
                .Select(r =>
                    (PaymentChainRecords.AvroLong(r.Key), PaymentChainRecords.AvroLong(r.Value))
                )
        );
        foreach (var (subject, type) in new[] { ("key", "\"int\""), ("value", "\"long\"") })
        {
            Assert.Equal(
                type,
                (
                    await RestRoad.LatestSchemaAsync(registry, "payments-amount-" + subject)
                ).ToJsonString()
            );
        }
    }
}
