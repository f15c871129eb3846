using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using KConnector.IntegrationTests.Distributed.ExactlyOnce;
using KConnector.Kafka;
using Xunit.Abstractions;

namespace KConnector.IntegrationTests.Distributed;

/// <summary>
/// KIP-875 for a source connector on two distributed worker processes: every worker reads its
/// offsets from the offsets topic, running or STOPPED; PATCH and DELETE, made on a follower, reach
/// the leader, only while the connector is STOPPED; after a resume its tasks produce again exactly
/// the records after the rewound offset, and after a reset every record from the beginning
/// (counted in the topic). With <c>exactly.once.source.support=enabled</c> the leader first fences
/// the connector's last task generation and writes the offsets in a transaction.
/// </summary>
public sealed class DistributedSourceOffsetsTests(ITestOutputHelper output) : IDisposable
{
    private const string Prefix = "doffs";
    private const string Name = "oseq-source";
    private const string Topic = "oseq";
    private const int PerPartition = 50;
    private readonly string _sinkFolder = Directory
        .CreateTempSubdirectory("kconnector-doffs-")
        .FullName;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task SourceOffsets_ReadEverywhere_RewoundAndResetOnTheLeaderWhileStopped_TasksResumeFromThem(
        bool exactlyOnce
    )
    {
        using var kafka = ConnectTopics.StartCluster(Prefix, 5, (Topic, 2));
        using var cluster = new RestCluster(
            kafka,
            Prefix,
            _sinkFolder,
            exactlyOnce ? ["exactly.once.source.support=enabled"] : []
        );
        var workers = new List<RestWorker> { cluster.Start(), cluster.Start() };
        await using var configs = await kafka.StartConfigStoreAsync(Prefix);
        await cluster.WaitForGroupAsync(configs);
        var leader = cluster.Leader(configs);
        var follower = workers.Single(w => w != leader);

        var created = await follower.SendAsync(HttpMethod.Post, "/connectors", Create());
        Assert.Equal(HttpStatusCode.Created, created.Status);
        await OffsetsSteps.WaitForStateAsync(workers, Name, "RUNNING", tasks: 2);
        await WaitForValuesAsync(kafka, 2 * PerPartition, "every record once", workers);
        // Read on every worker while it runs, whichever runs its tasks.
        await OffsetsSteps.AllShowAsync(workers, Name, Seq(0, 49), Seq(1, 49));

        var running = await OffsetsSteps.PatchAsync(follower, Name, [Rewind(0, 29)]);
        Assert.Equal(HttpStatusCode.BadRequest, running.Status);
        Assert.Equal(OffsetsSteps.NotStopped(Name), (string?)running.Body!["message"]);
        var resetRunning = await follower.SendAsync(
            HttpMethod.Delete,
            $"/connectors/{Name}/offsets"
        );
        Assert.Equal(HttpStatusCode.BadRequest, resetRunning.Status);

        var clock = Stopwatch.StartNew();
        await OffsetsSteps.StopAsync(workers, follower, Name);
        var stopped = clock.Elapsed;
        await OffsetsSteps.AllShowAsync(workers, Name, Seq(0, 49), Seq(1, 49));

        // Rewind source partition sp-0 to seq 29 through the follower: the leader writes it.
        clock.Restart();
        var altered = await OffsetsSteps.PatchAsync(follower, Name, [Rewind(0, 29)]);
        var alteredIn = clock.Elapsed;
        Assert.Equal(HttpStatusCode.OK, altered.Status);
        Assert.Equal(OffsetsSteps.Altered, (string?)altered.Body!["message"]);
        // The leader's log says it wrote them (its console logger may print it a moment later).
        await RestCluster.WaitForAsync(
            () => Task.FromResult(leader.Process.Process.Output.Any(IsAltered)),
            "the leader's log line of the altered offsets",
            () => OffsetsSteps.Describe(workers)
        );
        await OffsetsSteps.AllShowAsync(workers, Name, Seq(0, 29), Seq(1, 49));
        if (exactlyOnce)
        {
            AssertFencedBeforeWrite(leader);
        }

        clock.Restart();
        var resumed = await follower.SendAsync(HttpMethod.Put, $"/connectors/{Name}/resume");
        Assert.Equal(HttpStatusCode.Accepted, resumed.Status);
        await WaitForValuesAsync(
            kafka,
            2 * PerPartition + 1,
            "the first re-produced record",
            workers
        );
        var firstAgain = clock.Elapsed;
        var counts = await WaitForValuesAsync(
            kafka,
            2 * PerPartition + 20,
            "sp-0:30..49 again",
            workers
        );
        AssertCounts(counts, p => p == 0 ? s => s >= 30 ? 2 : 1 : _ => 1);
        output.WriteLine(
            $"exactly once {exactlyOnce}: stop -> STOPPED everywhere {stopped.TotalSeconds:0.0} s; PATCH answered {alteredIn.TotalMilliseconds:0} ms; resume -> first re-produced record {firstAgain.TotalSeconds:0.0} s"
        );

        // Reset through the follower: tombstones for both partitions; every record comes again.
        await OffsetsSteps.AllShowAsync(workers, Name, Seq(0, 49), Seq(1, 49));
        await OffsetsSteps.StopAsync(workers, follower, Name);
        var reset = await follower.SendAsync(HttpMethod.Delete, $"/connectors/{Name}/offsets");
        Assert.Equal(HttpStatusCode.OK, reset.Status);
        Assert.Equal(OffsetsSteps.Reset, (string?)reset.Body!["message"]);
        await OffsetsSteps.AllShowAsync(workers, Name);
        Assert.Equal(
            HttpStatusCode.Accepted,
            (await leader.SendAsync(HttpMethod.Put, $"/connectors/{Name}/resume")).Status
        );
        counts = await WaitForValuesAsync(
            kafka,
            4 * PerPartition + 20,
            "every record again",
            workers
        );
        AssertCounts(counts, p => p == 0 ? s => s >= 30 ? 3 : 2 : _ => 2);
        await OffsetsSteps.AllShowAsync(workers, Name, Seq(0, 49), Seq(1, 49));
    }

    // The leader's first fencing round for the connector after its creation is the one the
    // PATCH made (a first generation fences nothing; a stop brings none up), and it came before
    // the offsets were written.
    private static void AssertFencedBeforeWrite(RestWorker leader)
    {
        var lines = leader.Process.Process.Output.ToList();
        var fenced = lines.FindIndex(l =>
            l.Contains(
                $"fenced out the previous task generation of connector {Name}",
                StringComparison.Ordinal
            )
        );
        var written = lines.FindIndex(IsAltered);
        Assert.True(
            fenced >= 0 && fenced < written,
            "The leader fenced the last generation before it wrote the offsets:\n"
                + string.Join("\n", lines.TakeLast(30))
        );
        Assert.Contains(
            $"connect-cluster-{Name}-0, connect-cluster-{Name}-1",
            lines[fenced],
            StringComparison.Ordinal
        );
    }

    private static bool IsAltered(string line) =>
        line.Contains($"altered the offsets of connector {Name}", StringComparison.Ordinal);

    // Each value's count once the topic holds at least `total` records.
    private static async Task<Dictionary<string, int>> WaitForValuesAsync(
        EmbeddedKafka kafka,
        int total,
        string what,
        List<RestWorker> workers
    )
    {
        var counts = new Dictionary<string, int>();
        await RestCluster.WaitForAsync(
            () =>
            {
                // Read to each partition's EOF: a topic written in transactions ends with a marker.
                counts = TransactionalTopicReader
                    .ReadAll(kafka.BootstrapServers, Topic, TimeSpan.FromSeconds(30))
                    .GroupBy(r => Encoding.UTF8.GetString(r.Message.Value!))
                    .ToDictionary(g => g.Key, g => g.Count());
                return Task.FromResult(counts.Values.Sum() >= total);
            },
            $"{what}: {total} records in {Topic}",
            () => $"{counts.Values.Sum()} records" + OffsetsSteps.Describe(workers)
        );
        return counts;
    }

    private static void AssertCounts(
        Dictionary<string, int> counts,
        Func<int, Func<int, int>> expected
    )
    {
        foreach (var p in new[] { 0, 1 })
        {
            for (var seq = 0; seq < PerPartition; seq++)
            {
                var value = $"sp-{p}:{seq}";
                Assert.True(
                    counts.GetValueOrDefault(value) == expected(p)(seq),
                    $"{value} produced {counts.GetValueOrDefault(value)} time(s), expected {expected(p)(seq)}"
                );
            }
        }
        Assert.Equal(
            counts.Values.Sum(),
            Enumerable.Range(0, PerPartition).Sum(s => expected(0)(s) + expected(1)(s))
        );
    }

    private static string Seq(int partition, int seq) =>
        $"{{\"source\":\"sp-{partition}\"}} => {{\"seq\":{seq}}}";

    private static JsonObject Rewind(int partition, int seq) =>
        OffsetsSteps.Offset(
            new JsonObject { ["source"] = $"sp-{partition}" },
            new JsonObject { ["seq"] = seq }
        );

    private static JsonObject Create() =>
        new()
        {
            ["name"] = Name,
            ["config"] = new JsonObject
            {
                ["name"] = Name,
                ["connector.class"] = "CountingSource",
                ["tasks.max"] = "2",
                ["topic"] = Topic,
                ["source.partitions"] = "2",
                ["per.partition"] = PerPartition.ToString(
                    System.Globalization.CultureInfo.InvariantCulture
                ),
            },
        };

    public void Dispose() => Directory.Delete(_sinkFolder, recursive: true);
}
