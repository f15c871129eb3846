using System.Diagnostics;
using System.Globalization;
using System.Text;
using KConnector.Distributed;
using KConnector.IntegrationTests.Reliability;
using KConnector.Kafka;
using KConnector.Worker;
using Xunit.Abstractions;

namespace KConnector.IntegrationTests.Distributed;

/// <summary>
/// Distributed workers as real processes on the embedded cluster: the group shares the
/// connectors and tasks of the config topic so that each runs on exactly one worker; a worker
/// killed with SIGKILL has its units moved to the others after scheduled.rebalance.max.delay.ms
/// (and only those move); a worker that joins takes a share without restarting the others'.
/// Figures are printed to the test output, never asserted.
/// </summary>
public sealed class DistributedWorkerTests(ITestOutputHelper output) : IDisposable
{
    private const int SourcePartitions = 6;
    private const int PerPartition = 2500;
    private const string Prefix = "dist";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);
    private readonly string _sinkFolder = Directory
        .CreateTempSubdirectory("kconnector-dist-")
        .FullName;
    private readonly List<DistributedProcess> _processes = [];

    private static readonly WorkUnit[] AllUnits =
    [
        new("seq-sink", null),
        new("seq-sink", 0),
        new("seq-sink", 1),
        new("seq-source", null),
        new("seq-source", 0),
        new("seq-source", 1),
        new("seq-source", 2),
    ];

    [Fact]
    public async Task ThreeWorkersShareEachTaskOnce_SigkilledWorkersTasksMove_AFourthTakesAShareWithoutRestartingOthers_AndItsCleanStopHandsItBack()
    {
        using var kafka = EmbeddedKafka.Start(brokerCount: 3, initialRebalanceDelay: TimeSpan.Zero);
        kafka.CreateTopic(Prefix + "-configs", 1);
        kafka.CreateTopic(Prefix + "-offsets", 10);
        kafka.CreateTopic(Prefix + "-status", 3);
        kafka.CreateTopic("seq", 3);
        var workers = Enumerable.Range(0, 3).Select(_ => Start(kafka)).ToList();
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
        await WaitForIdsAsync(workers);

        var clock = Stopwatch.StartNew();
        await configs.PutConnectorConfigAsync("seq-source", SourceConfig(), CancellationToken.None);
        await configs.PutConnectorConfigAsync("seq-sink", SinkConfig(), CancellationToken.None);
        await TopicReader.WaitUntilAsync(
            () => RunningOnceOn(workers, statuses) && Balanced(workers),
            Wait,
            "every unit RUNNING on exactly one of three workers, balanced"
                + Describe(workers, statuses)
        );
        output.WriteLine(
            $"7 units RUNNING on 3 workers, balanced, {clock.ElapsedMilliseconds} ms after the configs were written"
        );
        Assert.All(workers, w => Assert.NotEmpty(w.Units));

        // SIGKILL: nothing of the victim's runs until the delay is over; then only its units move.
        // The victim runs a source task, so that its records after the last commit come again.
        var victim = workers.First(w =>
            w.Units.Any(u => u.Connector == "seq-source" && u.Task is not null)
        );
        var victimUnits = victim.Units;
        var survivors = workers.Where(w => w != victim).ToList();
        var before = survivors.ToDictionary(w => w, w => w.Units);
        var linesAtKill = survivors.ToDictionary(w => w, w => w.UnitLines.Count);
        victim.Process.KillHard();
        clock.Restart();
        await TopicReader.WaitUntilAsync(
            () => RunningOnceOn(survivors, statuses),
            Wait,
            "the killed worker's units RUNNING on the two others" + Describe(survivors, statuses)
        );
        output.WriteLine(
            $"failover: the SIGKILLed worker's {victimUnits.Count} unit(s) ({string.Join(",", victimUnits)}) RUNNING elsewhere after {clock.ElapsedMilliseconds} ms (session.timeout.ms 6000, scheduled.rebalance.max.delay.ms 3000)"
        );
        foreach (var survivor in survivors)
        {
            NeverStopped(survivor, before[survivor], linesAtKill[survivor]);
        }

        // A fourth worker joins: it takes a share; what the others keep never stopped.
        var fourth = Start(kafka);
        await WaitForIdsAsync([fourth]);
        var members = survivors.Append(fourth).ToList();
        var linesAtJoin = survivors.ToDictionary(w => w, w => w.UnitLines.Count);
        clock.Restart();
        await TopicReader.WaitUntilAsync(
            () => fourth.Units.Count > 0 && RunningOnceOn(members, statuses) && Balanced(members),
            Wait,
            "the fourth worker to take a fair share" + Describe(members, statuses)
        );
        output.WriteLine(
            $"join: the fourth worker runs {string.Join(",", fourth.Units)} after {clock.ElapsedMilliseconds} ms"
        );
        foreach (var survivor in survivors)
        {
            NeverStopped(survivor, survivor.Units, linesAtJoin[survivor]);
        }

        // A clean stop (SIGTERM) of the fourth: it stops its units (offsets committed), reports
        // them UNASSIGNED and leaves the group; after the delay they run on the others.
        var leaving = fourth.Units;
        fourth.Process.Terminate();
        clock.Restart();
        Assert.True(
            await fourth.Process.WaitForExitAsync(Wait) && fourth.Process.ExitCode == 0,
            "the fourth worker did not stop cleanly: "
                + string.Join("\n", fourth.Process.Output.TakeLast(20))
        );
        Assert.Contains("STOPPED", fourth.Process.Output);
        Assert.All(
            leaving,
            u =>
                Assert.True(
                    statuses.Get(u) is { State: TaskState.UNASSIGNED }
                        || statuses.Get(u)?.WorkerId != fourth.Id
                )
        );
        await TopicReader.WaitUntilAsync(
            () => RunningOnceOn(survivors, statuses),
            Wait,
            "the stopped worker's units RUNNING on the others" + Describe(survivors, statuses)
        );
        output.WriteLine(
            $"clean stop: the fourth worker's {string.Join(",", leaving)} RUNNING elsewhere after {clock.ElapsedMilliseconds} ms"
        );

        await AssertNoGapsAsync(kafka);
    }

    private async Task AssertNoGapsAsync(EmbeddedKafka kafka)
    {
        var values = new List<string>();
        await TopicReader.WaitUntilAsync(
            () =>
            {
                values =
                [
                    .. TopicReader
                        .ReadAll(kafka.BootstrapServers, "seq", Wait)
                        .Select(r => Encoding.UTF8.GetString(r.Message.Value!)),
                ];
                var seen = SequenceCheck.BySourcePartition(values);
                return seen.Count == SourcePartitions
                    && seen.Values.All(s => s.Max() == PerPartition - 1);
            },
            Wait,
            "every source partition's last record"
        );
        SequenceCheck.NoGaps(values, SourcePartitions, PerPartition);
        output.WriteLine(
            $"source: {values.Count} records for {SourcePartitions * PerPartition} sequence numbers ({values.Count - values.Distinct().Count()} duplicates, written after the killed task's last commit)"
        );
        var expected = values.ToHashSet();
        await TopicReader.WaitUntilAsync(
            () => expected.IsSubsetOf(SinkLines()),
            Wait,
            "the sink tasks to write every record"
        );
    }

    private HashSet<string> SinkLines() =>
        [.. Directory.EnumerateFiles(_sinkFolder).SelectMany(f => ReadShared(f))];

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

    // Every unit's latest status is RUNNING on one of these workers, and the workers' own
    // accounts of what they run cover every unit exactly once.
    private static bool RunningOnceOn(
        List<DistributedProcess> workers,
        KafkaStatusBackingStore statuses
    )
    {
        var ids = workers.Select(w => w.Id).ToHashSet();
        var all = statuses.All;
        var running = AllUnits.All(u =>
            all.TryGetValue(u, out var s)
            && s.State == TaskState.RUNNING
            && ids.Contains(s.WorkerId)
        );
        var held = workers.SelectMany(w => w.Units).ToList();
        return running && held.Count == AllUnits.Length && held.ToHashSet().SetEquals(AllUnits);
    }

    private static bool Balanced(List<DistributedProcess> workers)
    {
        var tasks = workers.Select(w => w.Units.Count(u => u.Task is not null)).ToList();
        var connectors = workers.Select(w => w.Units.Count(u => u.Task is null)).ToList();
        return tasks.Max() - tasks.Min() <= 1 && connectors.Max() - connectors.Min() <= 1;
    }

    // A unit the worker still runs was in every account it gave since then: it never stopped.
    private static void NeverStopped(
        DistributedProcess worker,
        IReadOnlySet<WorkUnit> kept,
        int since
    )
    {
        var now = worker.Units;
        foreach (var line in worker.UnitLines.Skip(since))
        {
            var units = DistributedProcess.Parse(line);
            Assert.True(
                kept.Where(now.Contains).All(units.Contains),
                $"worker {worker.Id} stopped a unit it kept: {line}"
            );
        }
    }

    private static string Describe(
        List<DistributedProcess> workers,
        KafkaStatusBackingStore statuses
    ) =>
        "\n"
        + string.Join("\n", workers.Select(w => $"{w.Id}: {string.Join(",", w.Units)}"))
        + "\n"
        + string.Join(
            "\n",
            statuses.All.Values.Select(s => $"{s.Unit} {s.State} {s.WorkerId} g{s.Generation}")
        );

    private static async Task WaitForIdsAsync(List<DistributedProcess> workers) =>
        await TopicReader.WaitUntilAsync(
            () => workers.All(w => w.Id.Length > 0 || w.Process.HasExited),
            Wait,
            "the workers to start"
        );

    private DistributedProcess Start(EmbeddedKafka kafka)
    {
        var process = new DistributedProcess(
            WorkerProcess.Start(
                "distributed",
                kafka.BootstrapServers,
                "connect-cluster",
                Prefix,
                _sinkFolder,
                "3000"
            )
        );
        _processes.Add(process);
        return process;
    }

    private static Dictionary<string, string> SourceConfig() =>
        new()
        {
            ["name"] = "seq-source",
            ["connector.class"] = "CountingSource",
            ["tasks.max"] = "3",
            ["topic"] = "seq",
            ["source.partitions"] = SourcePartitions.ToString(CultureInfo.InvariantCulture),
            ["per.partition"] = PerPartition.ToString(CultureInfo.InvariantCulture),
        };

    private static Dictionary<string, string> SinkConfig() =>
        new()
        {
            ["name"] = "seq-sink",
            ["connector.class"] = "FileAppendSink",
            ["tasks.max"] = "2",
            ["topics"] = "seq",
        };

    public void Dispose()
    {
        foreach (var process in _processes)
        {
            if (
                process.Process.HasExited
                && process.Process.ExitCode != 0
                && process.Process.ExitCode != 137
            )
            {
                output.WriteLine(
                    $"worker {process.Id} exited {process.Process.ExitCode}:\n"
                        + string.Join("\n", process.Process.Output.TakeLast(40))
                );
            }
            process.Process.Dispose();
        }
        Directory.Delete(_sinkFolder, recursive: true);
    }
}
