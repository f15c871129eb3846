using System.Net;
using System.Text.Json.Nodes;
using KConnector.Distributed;
using Xunit.Abstractions;

namespace KConnector.IntegrationTests.Distributed;

/// <summary>
/// Kafka Connect's REST API on every distributed worker (real processes on the embedded cluster):
/// reads answer alike on each worker from the config and status topics, with each task's
/// <c>worker_id</c> the worker that runs it; writes made on a follower reach the leader (forwarded
/// with <c>?forward=</c>), and a request already forwarded once is refused with Connect's 409.
/// </summary>
public sealed class DistributedRestTests(ITestOutputHelper output) : IDisposable
{
    private const string Prefix = "drest";
    private readonly string _sinkFolder = Directory
        .CreateTempSubdirectory("kconnector-drest-")
        .FullName;

    [Fact]
    public async Task ConnectorsCreatedOnFollowers_AreServedAlikeByEveryWorker_PausedResumedAndDeletedThroughOthers()
    {
        using var kafka = ConnectTopics.StartCluster(Prefix, 10, ("seq", 3));
        using var cluster = new RestCluster(kafka, Prefix, _sinkFolder);
        var workers = Enumerable.Range(0, 3).Select(_ => cluster.Start()).ToList();
        await using var configs = await kafka.StartConfigStoreAsync(Prefix);
        await cluster.WaitForGroupAsync(configs);
        var leader = cluster.Leader(configs);
        var followers = workers.Where(w => w != leader).ToList();

        // Connect's second hop is the last: a request marked forward=false is not sent on.
        var refused = await followers[0]
            .SendAsync(HttpMethod.Post, "/connectors?forward=false", Create(SourceConfig()));
        Assert.Equal(HttpStatusCode.Conflict, refused.Status);
        Assert.Equal(
            "Cannot complete request because of a conflicting operation (e.g. worker rebalance)",
            (string?)refused.Body!["message"]
        );

        var source = await followers[0]
            .SendAsync(HttpMethod.Post, "/connectors", Create(SourceConfig()));
        Assert.Equal(HttpStatusCode.Created, source.Status);
        Assert.Equal("source", (string?)source.Body!["type"]);
        var sink = await followers[1]
            .SendAsync(HttpMethod.Post, "/connectors", Create(SinkConfig()));
        Assert.Equal(HttpStatusCode.Created, sink.Status);
        Assert.Equal("sink", (string?)sink.Body!["type"]);
        var again = await followers[0]
            .SendAsync(HttpMethod.Post, "/connectors", Create(SinkConfig()));
        Assert.Equal(HttpStatusCode.Conflict, again.Status);

        await AllAnswerAsync(workers, "seq-source", "RUNNING", 3);
        await AllAnswerAsync(workers, "seq-sink", "RUNNING", 2);
        foreach (var worker in workers)
        {
            var config = (await worker.GetAsync("/connectors/seq-source/config")).Body!.AsObject();
            Assert.Equal("3", (string?)config["tasks.max"]);
            var tasks = (await worker.GetAsync("/connectors/seq-source/tasks")).Body!.AsArray();
            Assert.Equal([0, 1, 2], tasks.Select(t => (int)t!["id"]!["task"]!));
            var list = (await worker.GetAsync("/connectors")).Body!.AsArray();
            Assert.Equal(["seq-sink", "seq-source"], list.Select(n => (string)n!));
        }

        // Pause through one follower, resume through the leader: every worker shows each state.
        var paused = await followers[1].SendAsync(HttpMethod.Put, "/connectors/seq-source/pause");
        Assert.Equal(HttpStatusCode.Accepted, paused.Status);
        await AllAnswerAsync(workers, "seq-source", "PAUSED", 3);
        var resumed = await leader.SendAsync(HttpMethod.Put, "/connectors/seq-source/resume");
        Assert.Equal(HttpStatusCode.Accepted, resumed.Status);
        await AllAnswerAsync(workers, "seq-source", "RUNNING", 3);

        // A task restarts where it runs: asked of a worker that does not run it, it is forwarded.
        var elsewhere = workers.First(w =>
            !w.Process.Units.Contains(new WorkUnit("seq-source", 0))
        );
        var restart = await elsewhere.SendAsync(
            HttpMethod.Post,
            "/connectors/seq-source/tasks/0/restart"
        );
        Assert.Equal(HttpStatusCode.NoContent, restart.Status);
        await AllAnswerAsync(workers, "seq-source", "RUNNING", 3);

        // Delete through a follower: gone from every worker, its tasks stopped everywhere.
        var deleted = await followers[0].SendAsync(HttpMethod.Delete, "/connectors/seq-sink");
        Assert.Equal(HttpStatusCode.NoContent, deleted.Status);
        await RestCluster.WaitForAsync(
            async () =>
            {
                var answers = await Task.WhenAll(workers.Select(w => w.GetAsync("/connectors")));
                var statuses = await Task.WhenAll(
                    workers.Select(w => w.GetAsync("/connectors/seq-sink/status"))
                );
                return answers.All(a => a.Body?.ToJsonString() == "[\"seq-source\"]")
                    && statuses.All(s => s.Status == HttpStatusCode.NotFound)
                    && workers.All(w => w.Process.Units.All(u => u.Connector != "seq-sink"));
            },
            "seq-sink deleted on every worker",
            () => Describe(workers)
        );
    }

    // Every worker answers the same status: the connector and each task in the state, each task's
    // worker_id the worker that runs it by its own account.
    private async Task AllAnswerAsync(
        List<RestWorker> workers,
        string name,
        string state,
        int tasks
    )
    {
        var answers = Array.Empty<(HttpStatusCode Status, JsonNode? Body)>();
        await RestCluster.WaitForAsync(
            async () =>
            {
                answers = await Task.WhenAll(
                    workers.Select(w => w.GetAsync($"/connectors/{name}/status"))
                );
                if (answers.Any(a => a.Status != HttpStatusCode.OK))
                {
                    return false;
                }
                var body = answers[0].Body!;
                var taskStates = body["tasks"]!.AsArray();
                return answers.All(a => a.Body!.ToJsonString() == body.ToJsonString())
                    && (string?)body["connector"]!["state"] == state
                    && taskStates.Count == tasks
                    && taskStates.All(t =>
                        (string?)t!["state"] == state
                        && workers
                            .Single(w => w.Id == (string?)t["worker_id"])
                            .Process.Units.Contains(new WorkUnit(name, (int)t["id"]!))
                    );
            },
            $"{name} {state} with {tasks} tasks on every worker's REST API, each task's worker_id its runner",
            () =>
                string.Join("\n", answers.Select(a => $"{a.Status} {a.Body?.ToJsonString()}"))
                + Describe(workers)
        );
        output.WriteLine($"{name} {state}: {answers[0].Body!.ToJsonString()}");
    }

    private static string Describe(List<RestWorker> workers) =>
        "\n"
        + string.Join(
            "\n",
            workers.Select(w =>
                $"{w.Id}: {string.Join(",", w.Process.Units)}"
                + (
                    w.Process.Process.HasExited
                        ? " EXITED " + string.Join("\n", w.Process.Process.Output.TakeLast(20))
                        : string.Empty
                )
            )
        );

    private static JsonObject Create(JsonObject config) =>
        new() { ["name"] = (string?)config["name"], ["config"] = config };

    private static JsonObject SourceConfig() =>
        new()
        {
            ["name"] = "seq-source",
            ["connector.class"] = "CountingSource",
            ["tasks.max"] = "3",
            ["topic"] = "seq",
            ["source.partitions"] = "6",
            ["per.partition"] = "100000",
        };

    private static JsonObject SinkConfig() =>
        new()
        {
            ["name"] = "seq-sink",
            ["connector.class"] = "FileAppendSink",
            ["tasks.max"] = "2",
            ["topics"] = "seq",
        };

    public void Dispose() => Directory.Delete(_sinkFolder, recursive: true);
}
