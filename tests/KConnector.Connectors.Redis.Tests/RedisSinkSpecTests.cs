using System.Globalization;
using System.Text;
using KConnector.Connectors.Redis.Tests.Records;
using KConnector.Connectors.Sql.Tests;
using KConnector.Converters;
using KConnector.Errors;
using KConnector.Kafka;
using KConnector.SchemaRegistry;
using StackExchange.Redis;

namespace KConnector.Connectors.Redis.Tests;

/// <summary>
/// Specs naming the Redis sink (Specs/*.connector.json, by redis-kafka-connect's class name, its
/// alias and our class name), compiled by the generator into workers with no user code, run on the
/// embedded Kafka cluster against a real redis-server: HSET from the record's fields, XADD, SET
/// with a TTL, DEL on a tombstone, a WRONGTYPE record dead-lettered while the others are written.
/// </summary>
[Collection(RedisCollection.Name)]
public sealed class RedisSinkSpecTests(RedisServer redis)
{
    private static readonly AvroConverter<Customer> Values = new(
        new MockSchemaRegistryClient("redis-specs"),
        isKey: false
    );

    internal static Customer CustomerOf(int i) =>
        new()
        {
            Id = i,
            Name = "name-" + i.ToString(CultureInfo.InvariantCulture),
            Email = i % 4 == 0 ? null : $"c{i}@example.com",
            Score = i * 1.5,
        };

    internal static byte[] Key(int i) =>
        Encoding.UTF8.GetBytes("c" + i.ToString(CultureInfo.InvariantCulture));

    [Fact]
    public async Task HashSpec_WritesEachRecordsFields_DeletesOnTombstone_DeadLettersTheWrongTypeRecord()
    {
        const int Total = 30;
        await redis.Db.ExecuteAsync("FLUSHALL");
        // A list where customer 3's hash would go: Redis answers HSET with WRONGTYPE.
        await redis.Db.ListLeftPushAsync("customer:c3", "not a hash");
        using var kafka = EmbeddedKafka.Start(brokerCount: 1, initialRebalanceDelay: TimeSpan.Zero);
        kafka.CreateTopic("spec_customers", partitions: 1);
        kafka.CreateTopic("spec_customers_dlq", partitions: 1);
        // Customers 0..29, then a tombstone for customer 5.
        SpecWorkers.Produce(
            kafka,
            "spec_customers",
            Total + 1,
            i => i < Total ? Values.FromConnectData("spec_customers", CustomerOf(i))! : null!,
            i => Key(i < Total ? i : 5)
        );
        var logger = new CapturingLogger();
        using var environment = new ConnectorEnvironment();
        var sink = new CustomersRedisHashWorker(
            CustomersRedisHashConfig.Parse(Config(CustomersRedisHashConfig.SpecValues, kafka)),
            environment,
            logger
        );

        await SpecWorkers.RunUntilAsync(sink, () => sink.RecordsProcessed >= Total + 1);

        for (var i = 0; i < Total; i++)
        {
            if (i is 3 or 5)
            {
                continue;
            }
            var hash = (await redis.Db.HashGetAllAsync($"customer:c{i}")).ToDictionary(
                e => e.Name.ToString(),
                e => e.Value.ToString()
            );
            var expected = new Dictionary<string, string>
            {
                ["id"] = i.ToString(CultureInfo.InvariantCulture),
                ["name"] = "name-" + i.ToString(CultureInfo.InvariantCulture),
                ["score"] = (i * 1.5).ToString(CultureInfo.InvariantCulture),
            };
            if (i % 4 != 0)
            {
                expected["email"] = $"c{i}@example.com";
            }
            Assert.Equal(expected.OrderBy(e => e.Key), hash.OrderBy(e => e.Key));
        }
        Assert.False(
            await redis.Db.KeyExistsAsync("customer:c5"),
            "the tombstone did not delete customer:c5"
        );
        Assert.Equal(RedisType.List, await redis.Db.KeyTypeAsync("customer:c3"));

        var dead = KafkaTopics.Read(kafka, "spec_customers_dlq", TimeSpan.FromSeconds(3));
        var letter = Assert.Single(dead);
        Assert.Equal("c3", Encoding.UTF8.GetString(letter.Key!));
        Assert.Equal("TASK_PUT", KafkaTopics.Header(letter, DeadLetterQueueHeaders.Stage));
        Assert.Contains(
            "WRONGTYPE",
            KafkaTopics.Header(letter, DeadLetterQueueHeaders.ExceptionMessage),
            StringComparison.Ordinal
        );
        AssertNoPassword(dead, logger);
        Assert.Equal(
            Total + 1,
            KafkaTopics.Committed(kafka, "connect-customers-redis-hash", "spec_customers")
        );
    }

    [Fact]
    public async Task StreamSpec_AppendsOneEntryPerRecord_InOffsetOrder()
    {
        const int Total = 50;
        await redis.Db.ExecuteAsync("FLUSHALL");
        using var kafka = EmbeddedKafka.Start(brokerCount: 1, initialRebalanceDelay: TimeSpan.Zero);
        kafka.CreateTopic("spec_customer_events", partitions: 1);
        SpecWorkers.Produce(
            kafka,
            "spec_customer_events",
            Total,
            i => Values.FromConnectData("spec_customer_events", CustomerOf(i))!,
            Key
        );
        using var environment = new ConnectorEnvironment();
        var sink = new CustomersRedisStreamWorker(
            CustomersRedisStreamConfig.Parse(Config(CustomersRedisStreamConfig.SpecValues, kafka)),
            environment
        );

        await SpecWorkers.RunUntilAsync(sink, () => sink.RecordsProcessed >= Total);

        // redis.key's default ${topic}: the stream is named after the topic.
        var entries = await redis.Db.StreamRangeAsync("spec_customer_events");
        Assert.Equal(
            Enumerable.Range(0, Total).Select(i => i.ToString(CultureInfo.InvariantCulture)),
            entries.Select(e => e["id"].ToString())
        );
        Assert.Equal("name-7", entries[7]["name"].ToString());
        Assert.True(entries[8]["email"].IsNull, "a null field is left out of the entry");
    }

    [Fact]
    public async Task StringSpec_SetsTheValueUnderThePrefixedKey_WithTheTtl_AndDeletesOnTombstone()
    {
        await redis.Db.ExecuteAsync("FLUSHALL");
        using var kafka = EmbeddedKafka.Start(brokerCount: 1, initialRebalanceDelay: TimeSpan.Zero);
        kafka.CreateTopic("spec_greetings", partitions: 1);
        SpecWorkers.Produce(
            kafka,
            "spec_greetings",
            4,
            i =>
                i < 3
                    ? Encoding.UTF8.GetBytes("hello " + i.ToString(CultureInfo.InvariantCulture))
                    : null!,
            i =>
                Encoding.UTF8.GetBytes(
                    i < 3 ? "g" + i.ToString(CultureInfo.InvariantCulture) : "g1"
                )
        );
        using var environment = new ConnectorEnvironment();
        var sink = new GreetingsRedisStringWorker(
            GreetingsRedisStringConfig.Parse(Config(GreetingsRedisStringConfig.SpecValues, kafka)),
            environment
        );

        await SpecWorkers.RunUntilAsync(sink, () => sink.RecordsProcessed >= 4);

        Assert.Equal("hello 0", (string?)await redis.Db.StringGetAsync("greeting:g0"));
        Assert.Equal("hello 2", (string?)await redis.Db.StringGetAsync("greeting:g2"));
        Assert.False(
            await redis.Db.KeyExistsAsync("greeting:g1"),
            "the tombstone did not delete greeting:g1"
        );
        var ttl = await redis.Db.KeyTimeToLiveAsync("greeting:g0");
        Assert.InRange(ttl!.Value, TimeSpan.FromSeconds(500), TimeSpan.FromSeconds(600));
    }

    internal Dictionary<string, string?> Config(
        IReadOnlyDictionary<string, string?> spec,
        EmbeddedKafka kafka
    ) => new(spec) { ["bootstrap.servers"] = kafka.BootstrapServers, ["redis.uri"] = redis.Uri };

    internal void AssertNoPassword(
        IEnumerable<Confluent.Kafka.Message<byte[]?, byte[]?>> deadLetters,
        CapturingLogger logger
    )
    {
        foreach (var letter in deadLetters)
        {
            foreach (var header in letter.Headers)
            {
                Assert.DoesNotContain(
                    redis.Password,
                    Encoding.UTF8.GetString(header.GetValueBytes()),
                    StringComparison.Ordinal
                );
            }
        }
        Assert.All(
            logger.Lines,
            l => Assert.DoesNotContain(redis.Password, l, StringComparison.Ordinal)
        );
    }
}
