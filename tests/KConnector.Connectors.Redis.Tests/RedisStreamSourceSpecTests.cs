using System.Globalization;
using KConnector.Connectors.Redis.Tests.Records;
using KConnector.Connectors.Sql.Tests;
using KConnector.Converters;
using KConnector.Kafka;
using KConnector.SchemaRegistry;
using StackExchange.Redis;

namespace KConnector.Connectors.Redis.Tests;

/// <summary>
/// A spec naming redis-kafka-connect's stream source, compiled into a worker with no user code:
/// it reads a real Redis stream through its consumer group into Kafka, acknowledges each entry
/// once Kafka has it, and after a clean stop resumes from its offsets file with no gap and no repeat.
/// </summary>
[Collection(RedisCollection.Name)]
public sealed class RedisStreamSourceSpecTests(RedisServer redis) : IDisposable
{
    private const string Topic = "spec_customers_from_redis";
    private readonly string _dir = Directory
        .CreateTempSubdirectory("kconnector-redis-src-")
        .FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    internal static NameValueEntry[] Entry(int i)
    {
        var c = RedisSinkSpecTests.CustomerOf(i);
        var fields = new List<NameValueEntry>
        {
            new("id", c.Id),
            new("name", c.Name),
            new("score", c.Score.ToString(CultureInfo.InvariantCulture)),
        };
        if (c.Email is not null)
        {
            fields.Add(new("email", c.Email));
        }
        return [.. fields];
    }

    [Fact]
    public async Task StreamSource_ProducesEveryEntryInOrder_AcknowledgesThem_AndResumesAfterAStop()
    {
        await redis.Db.ExecuteAsync("FLUSHALL");
        for (var i = 0; i < 100; i++)
        {
            await redis.Db.StreamAddAsync("customers", Entry(i));
        }
        using var kafka = EmbeddedKafka.Start(brokerCount: 1, initialRebalanceDelay: TimeSpan.Zero);
        kafka.CreateTopic(Topic, partitions: 1);
        var offsets = Path.Combine(_dir, "offsets.json");

        await RunUntilAsync(kafka, offsets, 100);
        for (var i = 100; i < 150; i++)
        {
            await redis.Db.StreamAddAsync("customers", Entry(i));
        }
        await RunUntilAsync(kafka, offsets, 150);

        var values = new AvroConverter<Customer>(
            new MockSchemaRegistryClient("redis-specs"),
            isKey: false
        );
        var read = SpecWorkers
            .ReadTopic(kafka, Topic, 150)
            .Select(v => values.ToConnectData(Topic, v)!)
            .ToList();
        Assert.Equal(Enumerable.Range(0, 150).Select(RedisSinkSpecTests.CustomerOf), read);
        var pending = await redis.Db.StreamPendingAsync("customers", "kafka-consumer-group");
        Assert.Equal(0, pending.PendingMessageCount);
    }

    private async Task RunUntilAsync(EmbeddedKafka kafka, string offsets, long total)
    {
        using var environment = new ConnectorEnvironment();
        var source = new CustomersFromRedisWorker(
            CustomersFromRedisConfig.Parse(
                new Dictionary<string, string?>(CustomersFromRedisConfig.SpecValues)
                {
                    ["bootstrap.servers"] = kafka.BootstrapServers,
                    ["redis.uri"] = redis.Uri,
                    ["offset.storage.file.filename"] = offsets,
                    ["offset.flush.interval.ms"] = "100",
                }
            ),
            environment
        );
        await SpecWorkers.RunUntilAsync(source, () => HighWatermark(kafka) >= total);
    }

    internal static long HighWatermark(EmbeddedKafka kafka)
    {
        using var consumer = new Confluent.Kafka.ConsumerBuilder<
            Confluent.Kafka.Ignore,
            Confluent.Kafka.Ignore
        >(
            new Confluent.Kafka.ConsumerConfig
            {
                BootstrapServers = kafka.BootstrapServers,
                GroupId = "hw",
            }
        ).Build();
        return consumer
            .QueryWatermarkOffsets(
                new Confluent.Kafka.TopicPartition(Topic, 0),
                TimeSpan.FromSeconds(10)
            )
            .High.Value;
    }
}
