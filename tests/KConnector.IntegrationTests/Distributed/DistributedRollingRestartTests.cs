using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using KConnector.Distributed;
using KConnector.IntegrationTests.Reliability;
using KConnector.Kafka;
using KConnector.Worker;
using Xunit.Abstractions;

namespace KConnector.IntegrationTests.Distributed;

/// <summary>
/// The issue's cluster: three worker processes, two source and two sink connectors (tasks.max 2 to
/// 4) created over REST: every connector and task RUNNING exactly once, by the status topic, by
/// each worker's own account and by the REST API of every worker; then a rolling restart (SIGTERM
/// one worker, start it again on its port, wait until all run once more, then the next) while
/// the sources produce: no sequence number of any source partition is missing, and the sinks
/// write every record. Figures are printed, never asserted.
/// </summary>
public sealed class DistributedRollingRestartTests(ITestOutputHelper output) : IDisposable
{
    private const string Prefix = "roll";
    private const int PerPartition = 4000;
    private readonly string _sinkFolder = Directory
        .CreateTempSubdirectory("kconnector-roll-")
        .FullName;

    private static readonly (
        string Name,
        string Class,
        int Tasks,
        string Topic,
        int Partitions
    )[] Connectors =
    [
        ("src-a", "CountingSource", 3, "roll-a", 6),
        ("src-b", "CountingSource", 2, "roll-b", 4),
        ("sink-a", "FileAppendSink", 2, "roll-a", 0),
        ("sink-b", "FileAppendSink", 4, "roll-b", 0),
    ];

    private static readonly WorkUnit[] AllUnits =
    [
        .. Connectors.SelectMany(c =>
            Enumerable
                .Range(0, c.Tasks)
                .Select(id => new WorkUnit(c.Name, id))
                .Prepend(new WorkUnit(c.Name, null))
        ),
    ];

    [Fact]
    public async Task TwoSourcesAndTwoSinks_RunEachTaskOnceOnThreeWorkers_AndARollingRestartLosesNoRecord()
    {
        using var kafka = EmbeddedKafka.Start(brokerCount: 3, initialRebalanceDelay: TimeSpan.Zero);
        kafka.CreateTopic(Prefix + "-configs", 1);
        kafka.CreateTopic(Prefix + "-offsets", 10);
        kafka.CreateTopic(Prefix + "-status", 3);
        kafka.CreateTopic("roll-a", 3);
        kafka.CreateTopic("roll-b", 2);
        using var cluster = new RestCluster(kafka, Prefix, _sinkFolder);
        for (var i = 0; i < 3; i++)
        {
            cluster.Start();
        }
        await using var configs = new KafkaConfigBackingStore(
            Prefix + "-configs",
            kafka.BootstrapServers
        );
        await using var statuses = new KafkaStatusBackingStore(
            Prefix + "-status",
            kafka.BootstrapServers
        );
        await configs.StartAsync(CancellationToken.None);
        await statuses.StartAsync(CancellationToken.None);
        await cluster.WaitForGroupAsync(configs);

        var clock = Stopwatch.StartNew();
        for (var i = 0; i < Connectors.Length; i++)
        {
            await CreateAsync(cluster.Workers[i % 3], Connectors[i]);
        }
        await EachOnceAsync(cluster, statuses, "after the connectors were created");
        output.WriteLine(
            $"{AllUnits.Length} units RUNNING once on 3 workers {clock.ElapsedMilliseconds} ms after the first create"
        );

        for (var i = 0; i < 3; i++)
        {
            var stopping = cluster.Workers[i];
            clock.Restart();
            stopping.Process.Process.Terminate();
            Assert.True(
                await stopping.Process.Process.WaitForExitAsync(RestCluster.Wait)
                    && stopping.Process.Process.ExitCode == 0,
                $"worker {stopping.Id} did not stop cleanly:\n"
                    + string.Join("\n", stopping.Process.Process.Output.TakeLast(30))
            );
            var stopped = clock.ElapsedMilliseconds;
            cluster.Restart(stopping);
            await EachOnceAsync(cluster, statuses, $"after worker {stopping.Id} restarted");
            output.WriteLine(
                $"rolling restart {i + 1}/3: {stopping.Id} stopped in {stopped} ms; every unit RUNNING once again {clock.ElapsedMilliseconds} ms after its SIGTERM"
            );
        }

        await AssertNoGapsAsync(kafka, "roll-a", 6);
        await AssertNoGapsAsync(kafka, "roll-b", 4);
    }

    private static async Task CreateAsync(
        RestWorker worker,
        (string Name, string Class, int Tasks, string Topic, int Partitions) connector
    )
    {
        var config = new JsonObject
        {
            ["connector.class"] = connector.Class,
            ["tasks.max"] = connector.Tasks.ToString(CultureInfo.InvariantCulture),
        };
        if (connector.Class == "CountingSource")
        {
            config["topic"] = connector.Topic;
            config["source.partitions"] = connector.Partitions.ToString(
                CultureInfo.InvariantCulture
            );
            config["per.partition"] = PerPartition.ToString(CultureInfo.InvariantCulture);
        }
        else
        {
            config["topics"] = connector.Topic;
        }
        var answer = await worker.SendAsync(
            HttpMethod.Post,
            "/connectors",
            new JsonObject { ["name"] = connector.Name, ["config"] = config }
        );
        Assert.True(answer.Status == HttpStatusCode.Created, $"{answer.Status} {answer.Body}");
    }

    // Every unit RUNNING exactly once: its status record names a live worker, the workers' own
    // accounts cover each unit once, and every worker's REST API answers the same statuses.
    private static async Task EachOnceAsync(
        RestCluster cluster,
        KafkaStatusBackingStore statuses,
        string when
    )
    {
        var seen = string.Empty;
        await RestCluster.WaitForAsync(
            async () =>
            {
                var ids = cluster.Workers.Select(w => w.Id).ToHashSet();
                var all = statuses.All;
                var byTopic = AllUnits.All(u =>
                    all.TryGetValue(u, out var s)
                    && s.State == TaskState.RUNNING
                    && ids.Contains(s.WorkerId)
                );
                var held = cluster.Workers.SelectMany(w => w.Process.Units).ToList();
                var byWorkers =
                    held.Count == AllUnits.Length && held.ToHashSet().SetEquals(AllUnits);
                var byRest = await RestAlikeAsync(cluster);
                seen =
                    $"status topic {byTopic}, workers' accounts {byWorkers}, REST {byRest}\n"
                    + string.Join(
                        "\n",
                        cluster.Workers.Select(w => $"{w.Id}: {string.Join(",", w.Process.Units)}")
                    )
                    + "\n"
                    + string.Join(
                        "\n",
                        all.Values.OrderBy(s => s.Unit)
                            .Select(s => $"{s.Unit} {s.State} {s.WorkerId} g{s.Generation}")
                    );
                return byTopic && byWorkers && byRest;
            },
            "every unit RUNNING exactly once " + when,
            () => seen
        );
    }

    private static async Task<bool> RestAlikeAsync(RestCluster cluster)
    {
        foreach (var (name, _, tasks, _, _) in Connectors)
        {
            var answers = await Task.WhenAll(
                cluster.Workers.Select(w => w.GetAsync($"/connectors/{name}/status"))
            );
            if (answers.Any(a => a.Status != HttpStatusCode.OK))
            {
                return false;
            }
            var first = answers[0].Body!;
            if (
                answers.Any(a => a.Body!.ToJsonString() != first.ToJsonString())
                || (string?)first["connector"]!["state"] != "RUNNING"
                || first["tasks"]!.AsArray().Count != tasks
                || first["tasks"]!.AsArray().Any(t => (string?)t!["state"] != "RUNNING")
            )
            {
                return false;
            }
        }
        return true;
    }

    private async Task AssertNoGapsAsync(EmbeddedKafka kafka, string topic, int partitions)
    {
        var values = new List<string>();
        await TopicReader.WaitUntilAsync(
            () =>
            {
                values =
                [
                    .. TopicReader
                        .ReadAll(kafka.BootstrapServers, topic, RestCluster.Wait)
                        .Select(r => Encoding.UTF8.GetString(r.Message.Value!)),
                ];
                var seen = SequenceCheck.BySourcePartition(values);
                return seen.Count == partitions
                    && seen.Values.All(s => s.Max() == PerPartition - 1);
            },
            RestCluster.Wait,
            $"every source partition's last record in {topic}"
        );
        SequenceCheck.NoGaps(values, partitions, PerPartition);
        output.WriteLine(
            $"{topic}: {values.Count} records for {partitions * PerPartition} sequence numbers ({values.Count - values.Distinct().Count()} duplicates)"
        );
        var expected = values.ToHashSet();
        var lines = new HashSet<string>();
        await TopicReader.WaitUntilAsync(
            () =>
            {
                lines = SinkLines();
                return expected.IsSubsetOf(lines);
            },
            RestCluster.Wait,
            $"the sinks to write every record of {topic}"
        );
    }

    private HashSet<string> SinkLines() =>
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

    public void Dispose() => Directory.Delete(_sinkFolder, recursive: true);
}
