using System.Net;
using System.Text.Json.Nodes;
using Confluent.Kafka;
using KConnector.Kafka;

namespace KConnector.IntegrationTests.Distributed;

/// <summary>
/// KIP-875 for a sink connector on two distributed worker processes: its offsets are its consumer
/// group's (<c>connect-{name}</c>), read alike on every worker, running or STOPPED; a PATCH made on a
/// follower reaches the leader, which commits them with the admin client, only while STOPPED; the
/// resumed tasks consume from them. What librdkafka's mock cluster cannot show (it refuses an
/// admin's commit for a group it has seen, which a broker accepts once the group is empty) is
/// pinned as the worker answers it: Connect's message, the broker's reason, the offsets unchanged.
/// </summary>
public sealed class DistributedSinkOffsetsTests : IDisposable
{
    private const string Prefix = "dsoffs";
    private const string Name = "osink-sink";
    private const string Topic = "osink";
    private const int PerPartition = 20;
    private readonly string _sinkFolder = Directory
        .CreateTempSubdirectory("kconnector-dsoffs-")
        .FullName;

    [Fact]
    public async Task SinkOffsets_AreTheGroupsOnEveryWorker_SetOnTheLeaderWhileStopped_TasksConsumeFromThem()
    {
        using var kafka = ConnectTopics.StartCluster(Prefix, 5, (Topic, 2));
        Produce(kafka);
        using var cluster = new RestCluster(kafka, Prefix, _sinkFolder);
        var workers = new List<RestWorker> { cluster.Start(), cluster.Start() };
        await using var configs = await kafka.StartConfigStoreAsync(Prefix);
        await cluster.WaitForGroupAsync(configs);
        var leader = cluster.Leader(configs);
        var follower = workers.Single(w => w != leader);

        // Created STOPPED (KIP-980), so that its first offsets are the ones given (KIP-875's
        // "start a new connector from chosen offsets").
        var created = await follower.SendAsync(HttpMethod.Post, "/connectors", Create());
        Assert.Equal(HttpStatusCode.Created, created.Status);
        await OffsetsSteps.WaitForStateAsync(workers, Name, "STOPPED", tasks: 0);
        await OffsetsSteps.AllShowAsync(workers, Name);

        var altered = await OffsetsSteps.PatchAsync(follower, Name, [At(0, 5), At(1, 15)]);
        Assert.Equal(HttpStatusCode.OK, altered.Status);
        Assert.Equal(OffsetsSteps.Altered, (string?)altered.Body!["message"]);
        await OffsetsSteps.AllShowAsync(workers, Name, Shown(0, 5), Shown(1, 15));

        var resumed = await follower.SendAsync(HttpMethod.Put, $"/connectors/{Name}/resume");
        Assert.Equal(HttpStatusCode.Accepted, resumed.Status);
        await OffsetsSteps.AllShowAsync(workers, Name, Shown(0, 20), Shown(1, 20));
        var expected = Enumerable
            .Range(5, 15)
            .Select(i => $"p0-{i}")
            .Concat(Enumerable.Range(15, 5).Select(i => $"p1-{i}"))
            .Order(StringComparer.Ordinal);
        Assert.Equal(expected, SinkLines().Order(StringComparer.Ordinal));

        var running = await OffsetsSteps.PatchAsync(follower, Name, [At(0, 0)]);
        Assert.Equal(HttpStatusCode.BadRequest, running.Status);
        Assert.Equal(OffsetsSteps.NotStopped(Name), (string?)running.Body!["message"]);

        await OffsetsSteps.StopAsync(workers, follower, Name);
        await OffsetsSteps.AllShowAsync(workers, Name, Shown(0, 20), Shown(1, 20));
        // The group has been seen now: the mock answers the admin's commit UNKNOWN_MEMBER_ID
        // (a broker: only while members are left), which the leader answers as Connect does.
        var refused = await OffsetsSteps.PatchAsync(follower, Name, [At(0, 0)]);
        Assert.Equal(HttpStatusCode.InternalServerError, refused.Status);
        var message = (string)refused.Body!["message"]!;
        Assert.StartsWith(
            $"Failed to alter consumer group offsets for connector {Name} either because its tasks haven't stopped completely yet",
            message,
            StringComparison.Ordinal
        );
        Assert.Contains($"connect-{Name}", message, StringComparison.Ordinal);
        Assert.Contains("Unknown member", message, StringComparison.Ordinal);
        await OffsetsSteps.AllShowAsync(workers, Name, Shown(0, 20), Shown(1, 20));
    }

    private static void Produce(EmbeddedKafka kafka)
    {
        using var producer = new ProducerBuilder<string, string>(
            new ProducerConfig { BootstrapServers = kafka.BootstrapServers }
        ).Build();
        for (var p = 0; p < 2; p++)
        {
            for (var i = 0; i < PerPartition; i++)
            {
                producer.Produce(
                    new TopicPartition(Topic, p),
                    new Message<string, string> { Key = $"p{p}", Value = $"p{p}-{i}" }
                );
            }
        }
        Assert.Equal(0, producer.Flush(TimeSpan.FromSeconds(30)));
    }

    private List<string> SinkLines() =>
        [.. Directory.EnumerateFiles(_sinkFolder).SelectMany(ReadShared)];

    private static string[] ReadShared(string path)
    {
        using var stream = new FileStream(
            path,
            FileMode.Open,
            FileAccess.Read,
            FileShare.ReadWrite
        );
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    private static string Shown(int partition, long offset) =>
        $"{{\"kafka_partition\":{partition},\"kafka_topic\":\"{Topic}\"}} => {{\"kafka_offset\":{offset}}}";

    private static JsonObject At(int partition, long offset) =>
        OffsetsSteps.Offset(
            new JsonObject { ["kafka_topic"] = Topic, ["kafka_partition"] = partition },
            new JsonObject { ["kafka_offset"] = offset }
        );

    private static JsonObject Create() =>
        new()
        {
            ["name"] = Name,
            ["initial_state"] = "STOPPED",
            ["config"] = new JsonObject
            {
                ["name"] = Name,
                ["connector.class"] = "FileAppendSink",
                ["tasks.max"] = "1",
                ["topics"] = Topic,
            },
        };

    public void Dispose() => Directory.Delete(_sinkFolder, recursive: true);
}
