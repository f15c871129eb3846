using System.Text.Json.Nodes;
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
/// the derived schemas.
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

    private static string FullName(JsonNode schema) =>
        schema["namespace"]!.GetValue<string>() + "." + schema["name"]!.GetValue<string>();
}
