using System.Text;
using Confluent.Kafka;
using KConnector.Connectors;
using KConnector.Converters;
using KConnector.Errors;
using KConnector.IntegrationTests.Reliability;
using KConnector.IntegrationTests.Specs.Shop;
using KConnector.Kafka;
using KConnector.SchemaRegistry;

namespace KConnector.IntegrationTests.Specs;

/// <summary>
/// The errors.* keys of a spec reach the worker: with errors.tolerance=all and a dead-letter
/// topic, a generated spec worker dead-letters records its value converter cannot read, with
/// Kafka Connect's context headers, and writes every good record.
/// </summary>
public sealed class SpecErrorHandlingTests : IDisposable
{
    private const string Topic = "spec-orders-errors";
    private const string DeadLetters = "spec-orders-dlq";
    private readonly string _directory = Directory
        .CreateTempSubdirectory("kconnector-spec-errors-")
        .FullName;

    [Fact]
    public async Task ToleranceAll_FromTheSpecConfig_DeadLettersMalformedRecords()
    {
        using var kafka = EmbeddedKafka.Start(brokerCount: 1, initialRebalanceDelay: TimeSpan.Zero);
        kafka.CreateTopic(Topic, partitions: 1);
        kafka.CreateTopic(DeadLetters, partitions: 1);
        var scope = "spec-errors-" + Guid.NewGuid().ToString("N");
        var good = new AvroConverter<ShopOrder>(new MockSchemaRegistryClient(scope), isKey: false);
        using (
            var producer = new ProducerBuilder<string, byte[]>(
                new ProducerConfig { BootstrapServers = kafka.BootstrapServers }
            ).Build()
        )
        {
            for (var i = 0; i < 20; i++)
            {
                var value =
                    i % 4 == 3
                        ? Encoding.UTF8.GetBytes("not avro " + i)
                        : good.FromConnectData(
                            Topic,
                            new ShopOrder
                            {
                                OrderId = "o" + i,
                                Sequence = i,
                                Amount = i,
                            }
                        );
                producer.Produce(
                    Topic,
                    new Message<string, byte[]> { Key = "k" + i, Value = value! }
                );
            }
            producer.Flush(TimeSpan.FromSeconds(30));
        }
        var output = Path.Combine(_directory, "orders.jsonl");
        var values = new Dictionary<string, string?>(SpecOrdersFileSinkConfig.SpecValues)
        {
            ["bootstrap.servers"] = kafka.BootstrapServers,
            ["file"] = output,
            ["topics"] = Topic,
            ["value.converter.schema.registry.url"] = "mock://" + scope,
            ["errors.tolerance"] = "all",
            ["errors.deadletterqueue.topic.name"] = DeadLetters,
            ["errors.deadletterqueue.topic.replication.factor"] = "1",
            ["errors.deadletterqueue.context.headers.enable"] = "true",
        };
        using var environment = new ConnectorEnvironment();
        var sink = new SpecOrdersFileSinkWorker(
            SpecOrdersFileSinkConfig.Parse(values),
            environment
        );

        using var stop = new CancellationTokenSource();
        var run = sink.RunAsync(stop.Token);
        using var watermarks = new ConsumerBuilder<Ignore, Ignore>(
            new ConsumerConfig
            {
                BootstrapServers = kafka.BootstrapServers,
                GroupId = "dlq-watermark",
            }
        ).Build();
        await TopicReader.WaitUntilAsync(
            () =>
                File.Exists(output)
                && File.ReadLines(output).Count() >= 15
                && watermarks
                    .QueryWatermarkOffsets(
                        new TopicPartition(DeadLetters, 0),
                        TimeSpan.FromSeconds(10)
                    )
                    .High.Value >= 5,
            TimeSpan.FromSeconds(30),
            "15 written orders and 5 dead letters",
            run
        );
        await stop.CancelAsync();
        await run;
        var deadLettered = TopicReader
            .ReadAll(kafka.BootstrapServers, DeadLetters, TimeSpan.FromSeconds(30))
            .Select(r => r.Message)
            .ToList();

        Assert.Equal(15, File.ReadLines(output).Count());
        Assert.Equal(
            ["not avro 11", "not avro 15", "not avro 19", "not avro 3", "not avro 7"],
            deadLettered
                .Select(m => Encoding.UTF8.GetString(m.Value!))
                .Order(StringComparer.Ordinal)
        );
        var first = deadLettered.Single(m => Encoding.UTF8.GetString(m.Value!) == "not avro 3");
        Assert.Equal("k3", Encoding.UTF8.GetString(first.Key!));
        Assert.Equal(Topic, Header(first, DeadLetterQueueHeaders.Topic));
        Assert.Equal("3", Header(first, DeadLetterQueueHeaders.Offset));
        Assert.Equal("VALUE_CONVERTER", Header(first, DeadLetterQueueHeaders.Stage));
        Assert.Equal("spec-orders-file-sink", Header(first, DeadLetterQueueHeaders.ConnectorName));
    }

    private static string? Header(Message<byte[]?, byte[]?> message, string name) =>
        message.Headers.TryGetLastBytes(name, out var bytes)
            ? Encoding.UTF8.GetString(bytes)
            : null;

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
