using System.Text;
using System.Text.Json.Nodes;
using KConnector.Errors;
using KConnector.Kafka;
using KConnector.Testing.SchemaRegistry;
using KConnector.Testing.SpecRecords;

namespace KConnector.Rest.Tests;

/// <summary>
/// Sinks whose chains compile at creation, POSTed to /connectors on <c>kconnector run</c> serving
/// REST with the very specs the IntegrationTests run as generated workers:
/// payments-valuekey-sink (ReplaceField$Value, then ValueToKey + Cast$Key make each unkeyed
/// record's key from its value: SinkValueToKeyPipelineTests), payments-metadata-sink
/// (InsertField$Value's partition.field, offset.field and timestamp.field:
/// CompiledRecordMetadataPipelineTests) and invoices-avrotypes-sink (enums, decimals, an array of
/// records and a union through ReplaceField, Flatten, MaskField and Cast: AvroTypesPipelineTests).
/// The files hold what the generated workers write, and a key the cast cannot make is
/// dead-lettered as the consumed record, as there.
/// </summary>
public sealed class SinkChainsOverRestTests
{
    private const string Unkeyed = "payments-unkeyed";
    private const string DeadLetters = "payments-unkeyed-dlq";
    private const string Located = "payments-located";
    private const string Invoices = "invoices-in";
    private const int InvoiceCount = 6;
    private static readonly string[] LocatedIds = LocatedPayments.Ids(12);

    [Fact]
    public async Task SinksPostedWithCompiledChains_WriteTheGeneratedWorkersRecords()
    {
        using var kafka = EmbeddedKafka.Start(brokerCount: 1, initialRebalanceDelay: TimeSpan.Zero);
        kafka.CreateTopic(Unkeyed, partitions: 1);
        kafka.CreateTopic(DeadLetters, partitions: 1);
        kafka.CreateTopic(Located, partitions: 3);
        kafka.CreateTopic(Invoices, partitions: 1);
        await using var registry = await SchemaRegistryTestServer.StartAsync();
        using var road = await RestRoad.StartAsync(
            kafka,
            "payments-valuekey-sink.connector.json",
            "payments-metadata-sink.connector.json",
            "payment.avsc",
            "invoices-avrotypes-sink.connector.json",
            "sales-invoice.avsc"
        );
        var schema = Path.Combine(road.Folder, "payment.avsc");
        var unkeyed = await RegisteredPayments.ProduceAsync(
            kafka.BootstrapServers,
            registry.Url,
            schema,
            Unkeyed,
            ["1", "2", "x3", "4"]
        );
        var located = await RegisteredPayments.ProduceAsync(
            kafka.BootstrapServers,
            registry.Url,
            schema,
            Located,
            LocatedIds,
            partitions: 3
        );
        await RegisteredInvoices.ProduceAsync(
            kafka.BootstrapServers,
            registry.Url,
            Path.Combine(road.Folder, "sales-invoice.avsc"),
            Invoices,
            InvoiceCount
        );
        var keyedFile = Path.Combine(road.Folder, "valuekey-out.jsonl");
        var invoicesFile = Path.Combine(road.Folder, "invoices-out.jsonl");
        var locatedFile = Path.Combine(road.Folder, "metadata-out.jsonl");
        var registryUrl = ("value.converter.schema.registry.url", registry.Url);
        await road.PostAsync("payments-valuekey-sink", ("file", keyedFile), registryUrl);
        await road.PostAsync("payments-metadata-sink", ("file", locatedFile), registryUrl);
        await road.PostAsync("invoices-avrotypes-sink", ("file", invoicesFile), registryUrl);

        await road.UntilAsync(
            () =>
                LineCount(keyedFile) >= 3
                && RestRoad.EndOffset(kafka, DeadLetters) >= 1
                && LineCount(locatedFile) >= LocatedIds.Length
                && LineCount(invoicesFile) >= InvoiceCount,
            "the sinks' files written and the failed key dead-lettered"
        );
        var keyedLines = File.ReadAllLines(keyedFile).Select(l => JsonNode.Parse(l)!).ToList();
        Assert.Equal(["1", "2", "4"], keyedLines.Select(l => l["payment_id"]!.GetValue<string>()));
        Assert.All(keyedLines, l => Assert.False(l.AsObject().ContainsKey("card")));
        var dead = Assert.Single(RestRoad.Read(kafka, DeadLetters));
        var headers = dead.Headers.ToDictionary(
            h => h.Key,
            h => Encoding.UTF8.GetString(h.GetValueBytes())
        );
        Assert.Equal("TRANSFORMATION", headers[DeadLetterQueueHeaders.Stage]);
        Assert.Equal("KConnector.Transforms.CastKey", headers[DeadLetterQueueHeaders.ClassName]);
        Assert.Null(dead.Key);
        Assert.Equal(unkeyed[2].Message.Value, dead.Value);

        LocatedPayments.AssertEachLineLocatesItsRecord(located, locatedFile);
        RegisteredInvoices.AssertFileHoldsTransformed(invoicesFile, InvoiceCount);
    }

    private static int LineCount(string path) =>
        File.Exists(path) ? File.ReadLines(path).Count() : 0;
}
