using System.Diagnostics;
using KConnector.Connectors.Sql.Tests;
using KConnector.Converters;
using KConnector.Kafka;
using KConnector.SchemaRegistry;
using StackExchange.Redis;

namespace KConnector.Connectors.Redis.Tests;

/// <summary>
/// Redis unavailable is not the records' fault: the HSET spec's worker (errors.tolerance=all, a
/// dead-letter queue) keeps the batch, backs off and writes it once Redis is back, sending nothing
/// to the dead-letter queue; past errors.retry.timeout the task fails, and nothing it says shows
/// the password.
/// </summary>
[Collection(RedisCollection.Name)]
public sealed class RedisSinkOutageTests(RedisServer redis)
{
    private static readonly AvroConverter<Records.Customer> Values = new(
        new MockSchemaRegistryClient("redis-specs"),
        isKey: false
    );

    [Fact]
    public async Task RedisKilledMidRun_NoRecordIsDeadLettered_AndNoneIsLostAfterItReturns()
    {
        await redis.Db.ExecuteAsync("FLUSHALL");
        using var kafka = EmbeddedKafka.Start(brokerCount: 1, initialRebalanceDelay: TimeSpan.Zero);
        kafka.CreateTopic("spec_customers", partitions: 1);
        kafka.CreateTopic("spec_customers_dlq", partitions: 1);
        SpecWorkers.Produce(kafka, "spec_customers", 100, Value, RedisSinkSpecTests.Key);
        var logger = new CapturingLogger();
        using var environment = new ConnectorEnvironment();
        var sink = new CustomersRedisHashWorker(
            CustomersRedisHashConfig.Parse(
                new Dictionary<string, string?>(CustomersRedisHashConfig.SpecValues)
                {
                    ["bootstrap.servers"] = kafka.BootstrapServers,
                    ["redis.uri"] = redis.Uri,
                }
            ),
            environment,
            logger
        );
        using var stop = new CancellationTokenSource();
        var run = sink.RunAsync(stop.Token);
        try
        {
            Assert.True(await KeysReachAsync(100), "the first 100 records were not written");
            redis.Stop();
            SpecWorkers.Produce(kafka, "spec_customers", 200, Value, RedisSinkSpecTests.Key);
            // The worker meets the outage and retries while Redis is down.
            await Task.Delay(TimeSpan.FromSeconds(3));
            Assert.False(run.IsCompleted, "the task stopped during the outage");
            redis.Start();
            Assert.True(await KeysReachAsync(200), "records were lost across the outage");
        }
        finally
        {
            await stop.CancelAsync();
            await run;
        }

        Assert.Empty(KafkaTopics.Read(kafka, "spec_customers_dlq", TimeSpan.FromSeconds(2)));
        for (var i = 0; i < 200; i++)
        {
            Assert.Equal(
                $"name-{i % 200}",
                (string?)await redis.Db.HashGetAsync($"customer:c{i}", "name")
            );
        }
        Assert.Contains(logger.Lines, l => l.Contains("unavailable", StringComparison.Ordinal));
        Assert.All(
            logger.Lines,
            l => Assert.DoesNotContain(redis.Password, l, StringComparison.Ordinal)
        );
        Assert.Equal(
            300,
            KafkaTopics.Committed(kafka, "connect-customers-redis-hash", "spec_customers")
        );
    }

    [Fact]
    public async Task RedisUnreachablePastTheRetryTimeout_FailsTheTask_WithoutShowingThePassword()
    {
        const string Password = "never-show-me-4711";
        using var kafka = EmbeddedKafka.Start(brokerCount: 1, initialRebalanceDelay: TimeSpan.Zero);
        kafka.CreateTopic("spec_customers", partitions: 1);
        kafka.CreateTopic("spec_customers_dlq", partitions: 1);
        SpecWorkers.Produce(kafka, "spec_customers", 5, Value, RedisSinkSpecTests.Key);
        var logger = new CapturingLogger();
        using var environment = new ConnectorEnvironment();
        var sink = new CustomersRedisHashWorker(
            CustomersRedisHashConfig.Parse(
                new Dictionary<string, string?>(CustomersRedisHashConfig.SpecValues)
                {
                    ["bootstrap.servers"] = kafka.BootstrapServers,
                    // Port 1: nothing listens there.
                    ["redis.uri"] = $"redis://:{Password}@127.0.0.1:1",
                    ["errors.retry.timeout"] = "2000",
                }
            ),
            environment,
            logger
        );
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var error = await Record.ExceptionAsync(() => sink.RunAsync(stop.Token));

        Assert.False(stop.IsCancellationRequested, "the task did not fail within 60 s");
        var told = string.Join('\n', logger.Lines) + "\n" + error;
        Assert.Contains("Redis at 127.0.0.1:1 is unavailable", told, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, told, StringComparison.Ordinal);
        Assert.Empty(KafkaTopics.Read(kafka, "spec_customers_dlq", TimeSpan.FromSeconds(2)));
    }

    private static byte[] Value(int i) =>
        Values.FromConnectData("spec_customers", RedisSinkSpecTests.CustomerOf(i % 200))!;

    private async Task<bool> KeysReachAsync(long count)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            try
            {
                var size = (long)await redis.Db.ExecuteAsync("DBSIZE");
                if (size >= count)
                {
                    return true;
                }
            }
            catch (RedisException)
            {
                // The test's own connection reconnecting after the restart.
            }
            await Task.Delay(100);
        }
        return false;
    }
}
