using System.Globalization;
using KConnector.Connectors.Redis.Tests;
using StackExchange.Redis;

namespace KConnector.Cli.Tests;

/// <summary>
/// <c>kconnector run</c> with both Redis connectors (issue 16, item 4), named by
/// redis-kafka-connect's class names: a stream source spec and an HSET sink spec in one standalone
/// worker move a real Redis stream's entries through the embedded Kafka into hashes, acknowledge
/// every entry, and never print the password in the URI.
/// </summary>
public sealed class RedisSpecTests(RedisServer redis) : IClassFixture<RedisServer>, IDisposable
{
    private const int Total = 20;
    private readonly SpecFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Run_StreamSourceAndHashSink_MovesEveryEntryIntoAHash_AndHidesThePassword()
    {
        for (var i = 0; i < Total; i++)
        {
            await redis.Db.StreamAddAsync(
                "cli_customers",
                [
                    new("id", i),
                    new("name", "name-" + i.ToString(CultureInfo.InvariantCulture)),
                    new("score", "1.5"),
                ]
            );
        }
        _folder.Write(
            "customer.avsc",
            """{"type":"record","name":"CliCustomer","fields":[{"name":"id","type":"long"},{"name":"name","type":"string"},{"name":"score","type":"double"}]}"""
        );
        var source = _folder.Write(
            "cli-customers-from-redis.connector.json",
            Spec(
                "cli-customers-from-redis",
                $$"""
                "connector.class": "com.redis.kafka.connect.RedisStreamSourceConnector",
                "redis.stream.name": "cli_customers",
                "topic": "cli_customers"
                """
            )
        );
        var sink = _folder.Write(
            "cli-customers-to-redis.connector.json",
            Spec(
                "cli-customers-to-redis",
                $$"""
                "connector.class": "com.redis.kafka.connect.RedisSinkConnector",
                "topics": "cli_customers",
                "redis.command": "HSET",
                "redis.key": "cli_customer"
                """
            )
        );

        // Each entry counts twice: acknowledged by Kafka (source), then written to Redis (sink).
        var run = await CliRun.InvokeAsync(
            "run",
            source,
            sink,
            "--max-records",
            (2 * Total).ToString(CultureInfo.InvariantCulture),
            "--duration",
            "90",
            "--progress-interval",
            "0"
        );

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains($"--max-records {2 * Total} reached", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(redis.Password, run.Output + run.Error, StringComparison.Ordinal);
        var entries = await redis.Db.StreamRangeAsync("cli_customers");
        Assert.Equal(
            Enumerable
                .Range(0, Total)
                .Select(i => "name-" + i.ToString(CultureInfo.InvariantCulture)),
            await Task.WhenAll(
                entries.Select(async e =>
                    (string)(await redis.Db.HashGetAsync($"cli_customer:{e.Id}", "name"))!
                )
            )
        );
        var pending = await redis.Db.StreamPendingAsync("cli_customers", "kafka-consumer-group");
        Assert.Equal(0, pending.PendingMessageCount);
    }

    private string Spec(string name, string keys) =>
        $$"""
            {
              "name": "{{name}}",
              "config": {
                {{keys}},
                "redis.uri": "{{redis.Uri}}",
                "key.converter": "org.apache.kafka.connect.storage.StringConverter",
                "value.converter": "io.confluent.connect.avro.AvroConverter",
                "value.converter.schema.registry.url": "mock://cli-redis",
                "value.schema": "customer.avsc"
              }
            }
            """;
}
