using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Confluent.Kafka;
using KConnector.Distributed;
using KConnector.Kafka;
using Xunit.Abstractions;

namespace KConnector.IntegrationTests.Distributed;

/// <summary>
/// Kafka Connect's active topics (KIP-558) on distributed worker processes: each task's first
/// record to or from a topic writes <c>status-topic-TOPIC:connector-NAME</c> to the status topic,
/// so <c>GET /connectors/{name}/topics</c> answers the union of every task's topics on every worker;
/// <c>PUT .../topics/reset</c> writes a tombstone per topic; a deleted connector's topics are
/// tombstoned too; <c>topic.tracking.enable</c> / <c>topic.tracking.allow.reset</c> refuse with
/// Connect's 403 answers.
/// </summary>
public sealed class ActiveTopicsTests(ITestOutputHelper output) : IDisposable
{
    private const string Prefix = "atopics";
    private readonly string _sinkFolder = Directory
        .CreateTempSubdirectory("kconnector-atopics-")
        .FullName;

    [Fact]
    public async Task TasksOnTwoWorkers_RecordTheirTopicsInTheStatusTopic_EveryWorkerAnswersTheUnion_ResetAndDeleteTombstoneThem()
    {
        using var kafka = StartKafka();
        using var cluster = new RestCluster(kafka, Prefix, _sinkFolder);
        var workers = new List<RestWorker> { cluster.Start(), cluster.Start() };
        await WaitForGroupAsync(kafka, cluster);

        // Task N writes to spread-N; tasks are balanced apart, so each worker runs one.
        Assert.Equal(
            HttpStatusCode.Created,
            (await workers[0].SendAsync(HttpMethod.Post, "/connectors", Source())).Status
        );
        Assert.Equal(
            HttpStatusCode.Created,
            (await workers[1].SendAsync(HttpMethod.Post, "/connectors", Sink())).Status
        );
        await AllAnswerTopicsAsync(workers, "spread", "spread-0", "spread-1");
        await AllAnswerTopicsAsync(workers, "collect", "spread-0", "spread-1");
        var runners = (await workers[0].GetAsync("/connectors/spread/status")).Body!["tasks"]!
            .AsArray()
            .Select(t => (string)t!["worker_id"]!)
            .ToList();
        Assert.Equal(2, runners.Distinct().Count()); // The union spans two workers' tasks.

        // Connect's records, one per connector and topic, each naming the task that first used it.
        // Each source topic has one writer: one record. Both sink tasks read both topics (a
        // partition of each), so two workers may both write one before reading the other's, as
        // Connect's workers may: the same record twice, harmless in a compacted topic.
        var records = StatusRecords(kafka).Where(r => r.Key.StartsWith("status-topic-")).ToList();
        output.WriteLine(string.Join("\n", records.Select(r => $"{r.Key} {r.Value}")));
        Assert.Equal(
            [
                "status-topic-spread-0:connector-collect",
                "status-topic-spread-0:connector-spread",
                "status-topic-spread-1:connector-collect",
                "status-topic-spread-1:connector-spread",
            ],
            records.Select(r => r.Key).Distinct().Order(StringComparer.Ordinal)
        );
        Assert.Equal(
            ["status-topic-spread-0:connector-spread", "status-topic-spread-1:connector-spread"],
            records
                .Select(r => r.Key)
                .Where(k => k.EndsWith(":connector-spread", StringComparison.Ordinal))
                .Order(StringComparer.Ordinal)
        );
        var first = JsonNode.Parse(
            records.Single(r => r.Key == "status-topic-spread-1:connector-spread").Value!
        )!["topic"]!;
        Assert.Equal("spread-1", (string?)first["name"]);
        Assert.Equal("spread", (string?)first["connector"]);
        Assert.Equal(1, (int)first["task"]!);
        Assert.InRange(
            (long)first["discoverTimestamp"]!,
            DateTimeOffset.UtcNow.AddMinutes(-10).ToUnixTimeMilliseconds(),
            DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()
        );

        // Stopped, then reset through the worker that does not run its connector: tombstones, and
        // every worker answers none until the connector runs again.
        Assert.Equal(
            HttpStatusCode.NoContent,
            (await workers[1].SendAsync(HttpMethod.Put, "/connectors/spread/stop")).Status
        );
        await StoppedAsync(workers, "spread");
        var reset = await workers[1].SendAsync(HttpMethod.Put, "/connectors/spread/topics/reset");
        Assert.Equal(HttpStatusCode.Accepted, reset.Status);
        await AllAnswerTopicsAsync(workers, "spread");
        await RestCluster.WaitForAsync(
            () =>
                Task.FromResult(
                    Tombstoned(kafka, "status-topic-spread-0:connector-spread")
                        && Tombstoned(kafka, "status-topic-spread-1:connector-spread")
                ),
            "a tombstone for each of spread's topics",
            () => string.Join("\n", StatusRecords(kafka).Select(r => $"{r.Key} {r.Value}"))
        );
        await AllAnswerTopicsAsync(workers, "collect", "spread-0", "spread-1"); // Not reset.
        Assert.Equal(
            HttpStatusCode.Accepted,
            (await workers[0].SendAsync(HttpMethod.Put, "/connectors/spread/resume")).Status
        );
        await AllAnswerTopicsAsync(workers, "spread", "spread-0", "spread-1");

        // Deleted: the workers that ran its tasks tombstone its topics.
        Assert.Equal(
            HttpStatusCode.NoContent,
            (await workers[0].SendAsync(HttpMethod.Delete, "/connectors/collect")).Status
        );
        await RestCluster.WaitForAsync(
            () =>
                Task.FromResult(
                    Tombstoned(kafka, "status-topic-spread-0:connector-collect")
                        && Tombstoned(kafka, "status-topic-spread-1:connector-collect")
                ),
            "a tombstone for each of the deleted collect's topics",
            () => string.Join("\n", StatusRecords(kafka).Select(r => $"{r.Key} {r.Value}"))
        );
        Assert.Equal(
            HttpStatusCode.NotFound,
            (await workers[1].GetAsync("/connectors/collect/topics")).Status
        );
        await using var later = new KafkaStatusBackingStore(
            Prefix + "-status",
            kafka.BootstrapServers
        );
        await later.StartAsync(CancellationToken.None);
        Assert.Empty(later.TopicsOf("collect"));
        Assert.Equal(["spread-0", "spread-1"], later.TopicsOf("spread").Select(t => t.Topic));
    }

    [Fact]
    public async Task TheWorkerKeys_RefuseWithConnectsForbidden_AndTrackingOffWritesNoTopicRecord()
    {
        using var kafka = StartKafka();
        using var cluster = new RestCluster(kafka, Prefix, _sinkFolder);
        var off = cluster.Start("topic.tracking.enable=false");
        var noReset = cluster.Start("topic.tracking.allow.reset=false");
        await WaitForGroupAsync(kafka, cluster);
        Assert.Equal(
            HttpStatusCode.Created,
            (await off.SendAsync(HttpMethod.Post, "/connectors", Source())).Status
        );

        // The worker running task 1 tracks; the one running task 0 does not: only spread-1 shows.
        var task0 = (await WaitForRunnerAsync(off, "spread", 0));
        var tracked = task0 == off.Id ? "spread-1" : "spread-0";
        await AnswerTopicsAsync(noReset, "spread", tracked);
        Assert.Equal(
            ["status-topic-" + tracked + ":connector-spread"],
            StatusRecords(kafka).Where(r => r.Key.StartsWith("status-topic-")).Select(r => r.Key)
        );

        var refusedRead = await off.GetAsync("/connectors/spread/topics");
        Assert.Equal(HttpStatusCode.Forbidden, refusedRead.Status);
        Assert.Equal("Topic tracking is disabled.", (string?)refusedRead.Body!["message"]);
        var refusedOff = await off.SendAsync(HttpMethod.Put, "/connectors/spread/topics/reset");
        Assert.Equal(HttpStatusCode.Forbidden, refusedOff.Status);
        Assert.Equal("Topic tracking is disabled.", (string?)refusedOff.Body!["message"]);
        var refusedReset = await noReset.SendAsync(
            HttpMethod.Put,
            "/connectors/spread/topics/reset"
        );
        Assert.Equal(HttpStatusCode.Forbidden, refusedReset.Status);
        Assert.Equal("Topic tracking reset is disabled.", (string?)refusedReset.Body!["message"]);
        Assert.Equal(
            HttpStatusCode.NotFound,
            (await noReset.GetAsync("/connectors/nobody/topics")).Status
        );
        await AnswerTopicsAsync(noReset, "spread", tracked); // Nothing was reset.
    }

    private static EmbeddedKafka StartKafka()
    {
        var kafka = EmbeddedKafka.Start(brokerCount: 1, initialRebalanceDelay: TimeSpan.Zero);
        kafka.CreateTopic(Prefix + "-configs", 1);
        kafka.CreateTopic(Prefix + "-offsets", 5);
        kafka.CreateTopic(Prefix + "-status", 3);
        kafka.CreateTopic("spread-0", 2);
        kafka.CreateTopic("spread-1", 2);
        return kafka;
    }

    private static async Task WaitForGroupAsync(EmbeddedKafka kafka, RestCluster cluster)
    {
        await using var configs = new KafkaConfigBackingStore(
            Prefix + "-configs",
            kafka.BootstrapServers
        );
        await configs.StartAsync(CancellationToken.None);
        await cluster.WaitForGroupAsync(configs);
    }

    private static JsonObject Source() =>
        new()
        {
            ["name"] = "spread",
            ["config"] = new JsonObject
            {
                ["name"] = "spread",
                ["connector.class"] = "CountingSource",
                ["tasks.max"] = "2",
                ["topic"] = "spread",
                ["topic.per.task"] = "true",
                ["source.partitions"] = "4",
                ["per.partition"] = "100000",
            },
        };

    private static JsonObject Sink() =>
        new()
        {
            ["name"] = "collect",
            ["config"] = new JsonObject
            {
                ["name"] = "collect",
                ["connector.class"] = "FileAppendSink",
                ["tasks.max"] = "2",
                ["topics"] = "spread-0,spread-1",
            },
        };

    private static async Task AllAnswerTopicsAsync(
        List<RestWorker> workers,
        string name,
        params string[] topics
    )
    {
        foreach (var worker in workers)
        {
            await AnswerTopicsAsync(worker, name, topics);
        }
    }

    // GET /connectors/{name}/topics answers {"name":{"topics":[...]}}, in any order.
    private static async Task AnswerTopicsAsync(
        RestWorker worker,
        string name,
        params string[] topics
    )
    {
        var seen = string.Empty;
        await RestCluster.WaitForAsync(
            async () =>
            {
                var (status, body) = await worker.GetAsync($"/connectors/{name}/topics");
                seen = $"{status} {body?.ToJsonString()}";
                return status == HttpStatusCode.OK
                    && body![name]!["topics"]!
                        .AsArray()
                        .Select(t => (string)t!)
                        .Order(StringComparer.Ordinal)
                        .SequenceEqual(topics);
            },
            $"{worker.Id} answering {name}'s topics [{string.Join(",", topics)}]",
            () => seen
        );
    }

    private static async Task StoppedAsync(List<RestWorker> workers, string name)
    {
        var seen = string.Empty;
        await RestCluster.WaitForAsync(
            async () =>
            {
                var answers = await Task.WhenAll(
                    workers.Select(w => w.GetAsync($"/connectors/{name}/status"))
                );
                seen = string.Join("\n", answers.Select(a => a.Body?.ToJsonString()));
                return answers.All(a =>
                        (string?)a.Body?["connector"]?["state"] == "STOPPED"
                        && a.Body!["tasks"]!.AsArray().Count == 0
                    )
                    && workers.All(w =>
                        w.Process.Units.All(u => u.Connector != name || u.IsConnector)
                    );
            },
            $"{name} STOPPED with no task on any worker",
            () => seen
        );
    }

    private static async Task<string> WaitForRunnerAsync(RestWorker worker, string name, int task)
    {
        string? runner = null;
        await RestCluster.WaitForAsync(
            async () =>
            {
                var (status, body) = await worker.GetAsync(
                    $"/connectors/{name}/tasks/{task}/status"
                );
                runner =
                    status == HttpStatusCode.OK && (string?)body!["state"] == "RUNNING"
                        ? (string?)body["worker_id"]
                        : null;
                return runner is not null;
            },
            $"{name} task {task} RUNNING",
            () => runner ?? "no answer"
        );
        return runner!;
    }

    private static bool Tombstoned(EmbeddedKafka kafka, string key) =>
        StatusRecords(kafka).LastOrDefault(r => r.Key == key) is { Key: not null, Value: null };

    // The status topic as kcat shows it: every record, keys and values as text.
    private static List<(string Key, string? Value)> StatusRecords(EmbeddedKafka kafka)
    {
        var topic = Prefix + "-status";
        using var consumer = new ConsumerBuilder<byte[], byte[]?>(
            new ConsumerConfig
            {
                BootstrapServers = kafka.BootstrapServers,
                GroupId = "kcat-like",
                EnableAutoCommit = false,
            }
        ).Build();
        var wait = TimeSpan.FromSeconds(30);
        var ends = Enumerable
            .Range(0, 3)
            .ToDictionary(
                p => p,
                p => consumer.QueryWatermarkOffsets(new TopicPartition(topic, p), wait).High.Value
            );
        consumer.Assign(
            ends.Where(e => e.Value > 0)
                .Select(e => new TopicPartitionOffset(topic, e.Key, Offset.Beginning))
        );
        var records = new List<(string, string?)>();
        var left = ends.Values.Sum();
        var deadline = DateTime.UtcNow + wait;
        while (left > 0 && DateTime.UtcNow < deadline)
        {
            if (consumer.Consume(TimeSpan.FromMilliseconds(200)) is { Message: { } m } result)
            {
                if (result.Offset.Value < ends[result.Partition.Value])
                {
                    records.Add(
                        (
                            Encoding.UTF8.GetString(m.Key),
                            m.Value is null ? null : Encoding.UTF8.GetString(m.Value)
                        )
                    );
                    left--;
                }
            }
        }
        Assert.True(left <= 0, $"Timed out reading {topic}: {left} records left.");
        return records;
    }

    public void Dispose() => Directory.Delete(_sinkFolder, recursive: true);
}
