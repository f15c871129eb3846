using System.Text;
using Confluent.Kafka;
using KConnector.Distributed.ExactlyOnce;
using KConnector.Kafka;
using KConnector.Offsets;

namespace KConnector.Tests.Distributed.ExactlyOnce;

/// <summary>
/// A transactional task's offsets land in the partition Kafka Connect (and the non-transactional
/// offset store, through librdkafka's murmur2_random) puts the same key in.
/// </summary>
public sealed class Murmur2PartitionerTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task EveryKey_LandsWhereTheOffsetStoreWritesIt()
    {
        using var kafka = EmbeddedKafka.Start(brokerCount: 1, initialRebalanceDelay: TimeSpan.Zero);
        kafka.CreateTopic("connect-offsets", 25);
        var keys = Enumerable
            .Range(0, 60)
            .Select(i =>
                OffsetJson.Key(
                    "connector-" + (i % 7),
                    new Dictionary<string, string>
                    {
                        ["table"] = "t" + i,
                        ["shard"] = new string('x', i % 5),
                    }
                )
            )
            .ToList();
        await using (
            var store = new KafkaOffsetBackingStore("connect-offsets", kafka.BootstrapServers)
        )
        {
            await store.StartAsync(CancellationToken.None);
            await store.SetAsync(
                [.. keys.Select(k => KeyValuePair.Create(k, "{\"position\":\"1\"}"))],
                CancellationToken.None
            );
        }

        using var consumer = new ConsumerBuilder<byte[], byte[]>(
            new ConsumerConfig
            {
                BootstrapServers = kafka.BootstrapServers,
                GroupId = "murmur2",
                EnablePartitionEof = true,
            }
        ).Build();
        consumer.Assign(
            Enumerable
                .Range(0, 25)
                .Select(p => new TopicPartitionOffset("connect-offsets", p, Offset.Beginning))
        );
        var placed = new Dictionary<string, int>();
        var eof = new HashSet<int>();
        var deadline = DateTime.UtcNow + Wait;
        while (eof.Count < 25 && DateTime.UtcNow < deadline)
        {
            if (consumer.Consume(TimeSpan.FromMilliseconds(200)) is not { } result)
            {
                continue;
            }
            if (result.IsPartitionEOF)
            {
                eof.Add(result.Partition.Value);
                continue;
            }
            placed[Encoding.UTF8.GetString(result.Message.Key)] = result.Partition.Value;
        }

        Assert.Equal(keys.Count, placed.Count);
        Assert.All(
            keys,
            k =>
                Assert.Equal(
                    placed[k],
                    Murmur2Partitioner.PartitionFor(Encoding.UTF8.GetBytes(k), 25)
                )
        );
        Assert.True(placed.Values.Distinct().Count() > 5, "the keys spread over the partitions");
    }
}
