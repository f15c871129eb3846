using System.Diagnostics;
using System.Text.Json;
using Confluent.Kafka;
using KConnector.Kafka;

namespace KConnector.Connectors.Redis.Tests;

/// <summary>
/// The stream source's worker, a child process, killed with SIGKILL while entries keep arriving,
/// then started again over the same offsets file and consumer group: every entry is in Kafka at
/// least once, none is lost.
/// </summary>
[Collection(RedisCollection.Name)]
public sealed class RedisStreamSourceKillTests(RedisServer redis) : IDisposable
{
    private const string Topic = "kill_customers_from_redis";
    private const string Stream = "killed_customers";
    private const int Total = 600;
    private readonly string _dir = Directory
        .CreateTempSubdirectory("kconnector-redis-kill-")
        .FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task WorkerKilledMidStream_AndRestarted_EveryEntryReachesKafka_AtLeastOnce()
    {
        await redis.Db.KeyDeleteAsync(Stream);
        using var kafka = EmbeddedKafka.Start(brokerCount: 1, initialRebalanceDelay: TimeSpan.Zero);
        kafka.CreateTopic(Topic, partitions: 1);
        var offsets = Path.Combine(_dir, "offsets.json");
        using var writing = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        // Entries arrive all along: before, during and after the kill.
        var writer = Task.Run(
            async () =>
            {
                for (var i = 0; i < Total; i++)
                {
                    await redis.Db.StreamAddAsync(Stream, RedisStreamSourceSpecTests.Entry(i));
                    await Task.Delay(10, writing.Token);
                }
            },
            writing.Token
        );
        var ids = new HashSet<long>();
        var produced = 0;
        using var reader = Reader(kafka);
        using (var first = SourceWorkerProcess.Start(kafka.BootstrapServers, redis.Uri, offsets))
        {
            produced += ReadUntil(reader, ids, () => ids.Count >= 150 || first.HasExited);
            Assert.False(first.HasExited, "the first worker exited on its own");
            first.Kill();
        }
        var beforeKill = ids.Count;
        using (var second = SourceWorkerProcess.Start(kafka.BootstrapServers, redis.Uri, offsets))
        {
            await writer;
            produced += ReadUntil(reader, ids, () => ids.Count >= Total || second.HasExited);
            Assert.False(second.HasExited, "the restarted worker exited on its own");
        }

        Assert.InRange(beforeKill, 150, Total - 1);
        Assert.Equal(Enumerable.Range(0, Total).Select(i => (long)i), ids.Order());
        Assert.True(produced >= Total, $"{produced} records for {Total} entries");
    }

    private static IConsumer<Ignore, byte[]> Reader(EmbeddedKafka kafka)
    {
        var consumer = new ConsumerBuilder<Ignore, byte[]>(
            new ConsumerConfig
            {
                BootstrapServers = kafka.BootstrapServers,
                GroupId = "kill-check-" + Guid.NewGuid().ToString("N"),
                EnableAutoCommit = false,
            }
        ).Build();
        consumer.Assign(new TopicPartitionOffset(Topic, 0, 0));
        return consumer;
    }

    // Reads customer ids (the JSON value's "id") until done() or 90 s; returns how many records it read.
    private static int ReadUntil(
        IConsumer<Ignore, byte[]> reader,
        HashSet<long> ids,
        Func<bool> done
    )
    {
        var read = 0;
        var clock = Stopwatch.StartNew();
        while (!done() && clock.Elapsed < TimeSpan.FromSeconds(90))
        {
            if (reader.Consume(TimeSpan.FromMilliseconds(200)) is { Message.Value: { } value })
            {
                using var json = JsonDocument.Parse(value);
                ids.Add(json.RootElement.GetProperty("id").GetInt64());
                read++;
            }
        }
        return read;
    }
}
