using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Confluent.Kafka;
using KConnector.IntegrationTests.Reliability;
using KConnector.Kafka;
using Xunit.Abstractions;

namespace KConnector.IntegrationTests.Distributed.ExactlyOnce;

/// <summary>
/// KIP-618's leader round of zombie fencing on two worker processes with
/// <c>exactly.once.source.support=enabled</c>: before a source connector's new task generation
/// starts, the leader initialises transactions with every transactional id of the previous
/// generation (Connect's <c>fenceProducers</c>) and writes Connect's task count record
/// <c>tasks-fencing-NAME</c> {"task-count":N}; the new tasks start only after it. The mock cluster
/// fences no zombie (<see cref="MockTransactionsTests"/>), so this shows the round and its order,
/// not a zombie refused: that only a broker shows.
/// </summary>
public sealed class ZombieFencingTests(ITestOutputHelper output)
{
    private const string Prefix = "fence";
    private const string Group = "fence-cluster";
    private const string Connector = "seq-source";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(180);

    [Fact]
    public async Task WhenTasksMaxShrinks_TheLeaderFencesEveryOldTransactionalId_AndWritesTheTaskCountRecord_BeforeTheNewTasksStart()
    {
        using var kafka = ConnectTopics.StartCluster(Prefix, 5, ("seq", 3));
        using var cluster = new ExactlyOnceWorkers(kafka, Prefix, Group, output);
        var workers = new[] { cluster.Start(), cluster.Start() };
        await using var configs = await kafka.StartConfigStoreAsync(Prefix);

        // The first generation: no task count record before it, so nothing to fence.
        await configs.PutConnectorConfigAsync(Connector, SourceConfig(3), CancellationToken.None);
        var first = await WaitForGenerationAsync(kafka, 3, workers);
        Assert.DoesNotContain(workers.SelectMany(w => w.Process.Output), IsFencingLine);
        // Both workers in the group and their share running: no rebalance moves a task later.
        await TopicReader.WaitUntilAsync(
            () =>
                workers.All(w => w.Units.Any(u => !u.IsConnector))
                && workers.Sum(w => w.Units.Count(u => !u.IsConnector)) == 3,
            Wait,
            "the 3 tasks spread over both workers:\n"
                + string.Join("\n", workers.SelectMany(w => w.UnitLines))
        );

        // tasks.max 3 -> 2: task 2 disappears, so only the leader's round can fence its zombie.
        await configs.PutConnectorConfigAsync(Connector, SourceConfig(2), CancellationToken.None);
        var second = await WaitForGenerationAsync(kafka, 2, workers);
        Assert.True(second.Commit.Offset > first.TaskCount.Offset);

        // The leader logs the round before it writes the task count record, but the line reaches
        // this process through a pipe: wait for it rather than assume it is read already.
        await TopicReader.WaitUntilAsync(
            () => workers.SelectMany(w => w.Process.Output).Any(IsFencingLine),
            Wait,
            "the leader's fencing line:\n"
                + string.Join("\n", workers.SelectMany(w => w.Process.Output.TakeLast(30)))
        );
        var fencing = workers.SelectMany(w => w.Process.Output).Where(IsFencingLine).ToList();
        var line = Assert.Single(fencing); // The leader's, once.
        foreach (var task in new[] { 0, 1, 2 })
        {
            Assert.Contains($"{Group}-{Connector}-{task}", line, StringComparison.Ordinal);
        }
        output.WriteLine(line);
        output.WriteLine(
            $"commit {{\"tasks\":2}} -> task count record {second.TaskCount.Message.Timestamp.UnixTimestampMs - second.Commit.Message.Timestamp.UnixTimestampMs} ms"
        );
    }

    [Fact]
    public async Task WhileTheRoundFails_TheNewGenerationWaits_AndStartsOnceTheLeaderFencesAgain()
    {
        using var kafka = ConnectTopics.StartCluster(Prefix, 5, ("seq", 3));
        using var cluster = new ExactlyOnceWorkers(kafka, Prefix, Group, output);
        var workers = new[] { cluster.Start() };
        await using var configs = await kafka.StartConfigStoreAsync(Prefix);
        await configs.PutConnectorConfigAsync(Connector, SourceConfig(2), CancellationToken.None);
        await WaitForGenerationAsync(kafka, 2, workers);

        // The transaction coordinator refuses the leader's fencing producers (as a broker refuses
        // an id the worker may not use): the round fails, and is tried again every 5 s.
        kafka.PushRequestErrors(
            KafkaApiKey.InitProducerId,
            [.. Enumerable.Repeat(ErrorCode.TransactionalIdAuthorizationFailed, 200)]
        );
        await configs.PutConnectorConfigAsync(Connector, SourceConfig(3), CancellationToken.None);
        await TopicReader.WaitUntilAsync(
            () =>
                workers[0]
                    .Process.Output.Count(l =>
                        l.Contains("failed to perform zombie fencing", StringComparison.Ordinal)
                    ) >= 2,
            Wait,
            "two failed rounds:\n" + string.Join("\n", workers[0].Process.Output.TakeLast(30))
        );
        Assert.Null(ReadGeneration(kafka, 3));
        Assert.DoesNotContain(workers[0].Units, u => !u.IsConnector); // The new tasks wait.

        kafka.ClearRequestErrors(KafkaApiKey.InitProducerId);
        await WaitForGenerationAsync(kafka, 3, workers);
    }

    // A task of the new generation starts once its task configs are committed. Between the
    // connector's config and that commit a task of the old generation may still (re)start, as
    // Connect allows (no fencing is pending for it): it is not the new generation's.
    private static long NewGenerationFrom(Generation generation) =>
        generation.Commit.Message.Timestamp.UnixTimestampMs;

    // A worker's log line starts with its UTC time ("2026-12-07T12:00:00.123Z info: ...").
    private static long LoggedAt(string line) =>
        DateTimeOffset
            .ParseExact(
                line[..line.IndexOf(' ', StringComparison.Ordinal)],
                "yyyy-MM-dd'T'HH:mm:ss.fff'Z'",
                CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal
            )
            .ToUnixTimeMilliseconds();

    private static bool IsFencingLine(string line) =>
        line.Contains("fenced out the previous task generation", StringComparison.Ordinal);

    private sealed record Generation(
        ConsumeResult<byte[]?, byte[]?> Config,
        ConsumeResult<byte[]?, byte[]?> Commit,
        ConsumeResult<byte[]?, byte[]?> TaskCount
    );

    // Waits until the config topic holds the connector's config, the commit of `tasks` task
    // configs, then the task count record of `tasks`, and every task of the generation wrote
    // RUNNING since the commit; checks that none of them did before the task count record (the
    // round comes first).
    private async Task<Generation> WaitForGenerationAsync(
        EmbeddedKafka kafka,
        int tasks,
        DistributedProcess[] workers
    )
    {
        Generation? generation = null;
        List<ConsumeResult<byte[]?, byte[]?>> running = [];
        await TopicReader.WaitUntilAsync(
            () =>
            {
                generation = ReadGeneration(kafka, tasks);
                if (generation is null)
                {
                    return false;
                }
                var since = NewGenerationFrom(generation);
                running =
                [
                    .. TransactionalTopicReader
                        .ReadAll(kafka.BootstrapServers, Prefix + "-status", Wait)
                        .Where(r =>
                            Key(r).StartsWith($"status-task-{Connector}-", StringComparison.Ordinal)
                            && Value(r)?["state"]?.GetValue<string>() == "RUNNING"
                            && r.Message.Timestamp.UnixTimestampMs >= since
                        ),
                ];
                // The status record can be read before the worker's log line reaches this
                // process through its stdout pipe: wait for both.
                return Enumerable
                        .Range(0, tasks)
                        .All(t => running.Any(r => Key(r) == $"status-task-{Connector}-{t}"))
                    && Enumerable
                        .Range(0, tasks)
                        .All(t => TransactionStarts(workers, t, since).Count > 0);
            },
            Wait,
            $"generation of {tasks} task(s) RUNNING after its task count record:\n"
                + string.Join("\n", workers.SelectMany(w => w.Process.Output.TakeLast(30)))
        );
        var fencedAt = generation!.TaskCount.Message.Timestamp.UnixTimestampMs;
        // Each new task initialised its transactions (fencing its own predecessor) after the round.
        var since = NewGenerationFrom(generation);
        for (var task = 0; task < tasks; task++)
        {
            var id = $"{Group}-{Connector}-{task}";
            var starts = TransactionStarts(workers, task, since);
            Assert.NotEmpty(starts);
            output.WriteLine(
                $"{id}: task configs committed -> task count record {fencedAt - since} ms, -> transactions initialised {string.Join(", ", starts.Select(at => at - since))} ms"
            );
            Assert.All(
                starts,
                at =>
                    Assert.True(
                        at >= fencedAt,
                        $"{id} initialised its transactions at {at}, before the task count record at {fencedAt}"
                    )
            );
        }
        Assert.All(
            running,
            r =>
                Assert.True(
                    r.Message.Timestamp.UnixTimestampMs >= fencedAt,
                    $"{Key(r)} RUNNING at {r.Message.Timestamp.UnixTimestampMs}, before the task count record at {fencedAt}"
                )
        );
        Assert.DoesNotContain(
            running,
            r => Key(r) == $"status-task-{Connector}-{tasks.ToString(CultureInfo.InvariantCulture)}"
        );
        return generation;
    }

    // When each worker logged that task `task` initialised its transactions, since `since`.
    private static List<long> TransactionStarts(
        DistributedProcess[] workers,
        int task,
        long since
    ) =>
        [
            .. workers
                .SelectMany(w => w.Process.Output)
                .Where(l =>
                    l.Contains(
                        $"writes in transactions as {Group}-{Connector}-{task} ",
                        StringComparison.Ordinal
                    )
                )
                .Select(LoggedAt)
                .Where(at => at >= since),
        ];

    // The last commit-NAME {"tasks":N}, the connector-NAME before it, a tasks-fencing-NAME
    // {"task-count":N} after it.
    private static Generation? ReadGeneration(EmbeddedKafka kafka, int tasks)
    {
        var records = TransactionalTopicReader.ReadAll(
            kafka.BootstrapServers,
            Prefix + "-configs",
            Wait
        );
        var commit = records.LastOrDefault(r =>
            Key(r) == "commit-" + Connector && Value(r)?["tasks"]?.GetValue<int>() == tasks
        );
        var count = records.LastOrDefault(r =>
            Key(r) == "tasks-fencing-" + Connector
            && Value(r)?["task-count"]?.GetValue<int>() == tasks
        );
        var config = commit is null
            ? null
            : records.LastOrDefault(r =>
                Key(r) == "connector-" + Connector && r.Offset < commit.Offset
            );
        return config is not null && count is not null && count.Offset > commit!.Offset
            ? new Generation(config, commit, count)
            : null;
    }

    private static string Key(ConsumeResult<byte[]?, byte[]?> record) =>
        Encoding.UTF8.GetString(record.Message.Key!);

    private static JsonNode? Value(ConsumeResult<byte[]?, byte[]?> record) =>
        record.Message.Value is { } value ? JsonNode.Parse(value) : null;

    private static Dictionary<string, string> SourceConfig(int tasksMax) =>
        new()
        {
            ["name"] = Connector,
            ["connector.class"] = "CountingSource",
            ["tasks.max"] = tasksMax.ToString(CultureInfo.InvariantCulture),
            ["topic"] = "seq",
            ["source.partitions"] = "6",
            ["per.partition"] = "100000",
        };
}
