using System.Globalization;
using System.Text.Json.Nodes;
using Confluent.Kafka;
using KConnector.Connectors;
using KConnector.Converters;
using KConnector.IntegrationTests.Reliability;
using KConnector.IntegrationTests.Specs;
using KConnector.IntegrationTests.Transforms.Shop;
using KConnector.Kafka;
using KConnector.SchemaRegistry;

namespace KConnector.IntegrationTests.Transforms;

/// <summary>
/// InsertField's partition.field, offset.field and timestamp.field compiled on a sink
/// (payments-metadata-sink.connector.json), through the generated worker on the embedded Kafka:
/// each record the file sink writes carries the partition, offset and timestamp of the record it
/// was consumed as, as Kafka Connect's InsertField reads them from the SinkRecord; and the compiled
/// record equals the schemaless chain's for the same record.
/// </summary>
public sealed class CompiledRecordMetadataPipelineTests : IDisposable
{
    internal const string Topic = "payments-located";
    internal const int Payments = 12;
    private readonly string _directory = Directory
        .CreateTempSubdirectory("kconnector-metadata-sink-")
        .FullName;

    [Fact]
    public async Task FileSinkSpec_InsertsEachConsumedRecordsPartitionOffsetAndTimestamp()
    {
        using var kafka = EmbeddedKafka.Start(brokerCount: 1, initialRebalanceDelay: TimeSpan.Zero);
        kafka.CreateTopic(Topic, partitions: 3);
        Produce(kafka);
        var output = Path.Combine(_directory, "out.jsonl");
        using var environment = new ConnectorEnvironment();
        var sink = new PaymentsMetadataSinkWorker(
            PaymentsMetadataSinkConfig.Parse(
                new Dictionary<string, string?>(PaymentsMetadataSinkConfig.SpecValues)
                {
                    ["bootstrap.servers"] = kafka.BootstrapServers,
                    ["file"] = output,
                }
            ),
            environment
        );

        await WorkerRuns.RunUntilAsync([sink], () => LineCount(output) >= Payments);

        await AssertEachLineLocatesItsRecordAsync(kafka, output);
    }

    /// <summary>
    /// Each of the file's <see cref="Payments"/> lines carries the partition, offset and timestamp
    /// of the record it was consumed as (from the three partitions), the record that payment's.
    /// </summary>
    internal static async Task AssertEachLineLocatesItsRecordAsync(
        EmbeddedKafka kafka,
        string output
    )
    {
        var consumed = TopicReader
            .ReadAll(kafka.BootstrapServers, Topic, WorkerRuns.Deadline)
            .ToDictionary(r => (r.Partition.Value, r.Offset.Value));
        var lines = (await File.ReadAllLinesAsync(output)).Select(l => JsonNode.Parse(l)!).ToList();
        Assert.Equal(Payments, lines.Count);
        Assert.Equal(
            3,
            lines.Select(l => l["kafka_partition"]!.GetValue<int>()).Distinct().Count()
        );
        foreach (var line in lines)
        {
            var record = consumed[
                (line["kafka_partition"]!.GetValue<int>(), line["kafka_offset"]!.GetValue<long>())
            ];
            Assert.Equal(
                Values().FromConnectData(Topic, PaymentOf(line["id"]!.GetValue<string>())),
                record.Message.Value
            );
            Assert.Equal(
                record.Message.Timestamp.UnixTimestampMs,
                line["kafka_ts"]!.GetValue<long>()
            );
        }
    }

    [Fact]
    public async Task AttributeSourceSpec_InsertsTheSourceRecordsTimestamp_AndNoPartitionItDidNotSet()
    {
        using var kafka = EmbeddedKafka.Start(brokerCount: 1, initialRebalanceDelay: TimeSpan.Zero);
        kafka.CreateTopic("stamped-metadata", partitions: 1);
        using var environment = new ConnectorEnvironment();
        var source = new StampedPaymentsMetadataWorker(
            StampedPaymentsMetadataConfig.Parse(
                new Dictionary<string, string?>(StampedPaymentsMetadataConfig.SpecValues)
                {
                    ["bootstrap.servers"] = kafka.BootstrapServers,
                }
            ),
            environment
        );
        await WorkerRuns.RunUntilAsync([source], () => source.RecordsProcessed >= 6);

        var written = new AvroConverter<StampedPaymentsMetadataOutput.Payment>(
            new MockSchemaRegistryClient("stamped-payments-metadata"),
            isKey: false
        );
        var records = TopicReader.ReadAll(
            kafka.BootstrapServers,
            "stamped-metadata",
            WorkerRuns.Deadline
        );
        Assert.Equal(6, records.Count);
        foreach (var (record, n) in records.Select((r, n) => (r, n)))
        {
            var value = written.ToConnectData("stamped-metadata", record.Message.Value)!;
            Assert.Equal("p-" + n.ToString(CultureInfo.InvariantCulture), value.Id);
            // The task sets a timestamp and no partition: Connect's SourceRecord gives null.
            Assert.Null(value.KafkaPartition);
            Assert.Equal(
                DateTimeOffset.FromUnixTimeMilliseconds(1772740800000).AddHours(n),
                value.StampedAt
            );
        }
    }

    /// <summary>
    /// The compiled record and the record the schemaless (JsonNode) chain of the same spec makes of
    /// the same consumed record are the same, field for field.
    /// </summary>
    [Theory]
    [InlineData(0, 0L)]
    [InlineData(2, 41L)]
    public void CompiledAndSchemalessChains_GiveTheSameRecord(int partition, long offset)
    {
        var at = new DateTimeOffset(2024, 3, 1, 12, 0, 0, 250, TimeSpan.Zero);
        var metadata = new KConnector.Transforms.Compiled.CompiledRecordMetadata();
        metadata.Set(partition, offset, at);
        var payment = PaymentOf("p-9");
        var compiled = PaymentsMetadataSinkValueChain.Apply(Topic, payment, metadata);
        var schemaless = ChainJson
            .Schemaless(PaymentsMetadataSinkConfig.SpecValues)
            .Apply(
                new KConnector.Transforms.ConnectRecord<JsonNode, JsonNode>
                {
                    Topic = Topic,
                    Partition = partition,
                    KafkaOffset = offset,
                    Timestamp = at,
                    Value = JsonNode.Parse(ChainJson.JsonOf(payment))!,
                }
            )!;

        Assert.Equal(
            ChainJson.Normalized(schemaless.Value!.ToJsonString()),
            ChainJson.Normalized(ChainJson.JsonOf(compiled))
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

    private static Payment PaymentOf(string id) =>
        new()
        {
            Id = id,
            Amount = 1.5,
            Card = "4111",
            Cvv = 123,
        };

    private static AvroConverter<Payment> Values() =>
        new(new MockSchemaRegistryClient("payments-metadata-sink"), isKey: false);

    /// <summary>Writes payment i to partition i % 3 of <see cref="Topic"/> (three partitions), each with its own timestamp.</summary>
    internal static void Produce(EmbeddedKafka kafka)
    {
        var values = Values();
        using var producer = new ProducerBuilder<Null, byte[]>(
            new ProducerConfig { BootstrapServers = kafka.BootstrapServers }
        ).Build();
        var start = new DateTime(2024, 3, 1, 0, 0, 0, DateTimeKind.Utc);
        for (var i = 0; i < Payments; i++)
        {
            producer.Produce(
                new TopicPartition(Topic, i % 3),
                new()
                {
                    Value = values.FromConnectData(
                        Topic,
                        PaymentOf("p-" + i.ToString(CultureInfo.InvariantCulture))
                    )!,
                    Timestamp = new Timestamp(start.AddMinutes(i)),
                }
            );
        }
        producer.Flush(TimeSpan.FromSeconds(30));
    }

    private static int LineCount(string path) =>
        File.Exists(path) ? File.ReadLines(path).Count() : 0;
}
