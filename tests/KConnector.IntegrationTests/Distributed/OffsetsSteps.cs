using System.Net;
using System.Text.Json.Nodes;

namespace KConnector.IntegrationTests.Distributed;

/// <summary>The KIP-875 steps the distributed offsets tests take over REST, each bounded.</summary>
internal static class OffsetsSteps
{
    public const string Altered =
        "The Connect framework-managed offsets for this connector have been altered successfully. However, if this connector manages offsets externally, they will need to be manually altered in the system that the connector uses.";

    public const string Reset =
        "The Connect framework-managed offsets for this connector have been reset successfully. However, if this connector manages offsets externally, they will need to be manually reset in the system that the connector uses.";

    public static string NotStopped(string connector) =>
        $"Connectors must be in the STOPPED state before their offsets can be modified. This can be done for the specified connector by issuing a 'PUT' request to the '/connectors/{connector}/stop' endpoint";

    /// <summary>Every worker answers GET .../offsets with <paramref name="expected"/> ("partition => offset" lines, sorted).</summary>
    public static async Task AllShowAsync(
        IReadOnlyList<RestWorker> workers,
        string connector,
        params string[] expected
    )
    {
        var seen = new List<string>();
        await RestCluster.WaitForAsync(
            async () =>
            {
                seen.Clear();
                foreach (var worker in workers)
                {
                    seen.Add(
                        worker.Id + ": " + string.Join(" | ", await OffsetsAsync(worker, connector))
                    );
                }
                return seen.All(s =>
                    s.EndsWith(": " + string.Join(" | ", expected), StringComparison.Ordinal)
                );
            },
            $"every worker to show the offsets of {connector}: {string.Join(" | ", expected)}",
            () => string.Join("\n", seen) + Describe(workers)
        );
    }

    /// <summary>GET .../offsets as "partition => offset" lines, sorted; "(status)" on an error.</summary>
    public static async Task<List<string>> OffsetsAsync(RestWorker worker, string connector)
    {
        var (status, body) = await worker.GetAsync($"/connectors/{connector}/offsets");
        if (status != HttpStatusCode.OK)
        {
            return [$"({(int)status} {body?.ToJsonString()})"];
        }
        return
        [
            .. body!["offsets"]!
                .AsArray()
                .Select(o => $"{o!["partition"]!.ToJsonString()} => {o["offset"]?.ToJsonString()}")
                .Order(StringComparer.Ordinal),
        ];
    }

    /// <summary>Stops the connector through <paramref name="through"/>, then waits until every worker shows it STOPPED and none runs a task of it.</summary>
    public static async Task StopAsync(
        IReadOnlyList<RestWorker> workers,
        RestWorker through,
        string connector
    )
    {
        var stop = await through.SendAsync(HttpMethod.Put, $"/connectors/{connector}/stop");
        Assert.Equal(HttpStatusCode.NoContent, stop.Status);
        await WaitForStateAsync(workers, connector, "STOPPED", tasks: 0);
    }

    /// <summary>Waits until every worker shows the connector in <paramref name="state"/> with <paramref name="tasks"/> tasks in it, and the workers run that many tasks of it.</summary>
    public static async Task WaitForStateAsync(
        IReadOnlyList<RestWorker> workers,
        string connector,
        string state,
        int tasks
    )
    {
        var answers = new List<string>();
        await RestCluster.WaitForAsync(
            async () =>
            {
                answers.Clear();
                foreach (var worker in workers)
                {
                    var (status, body) = await worker.GetAsync($"/connectors/{connector}/status");
                    answers.Add($"{worker.Id}: {(int)status} {body?.ToJsonString()}");
                    if (
                        status != HttpStatusCode.OK
                        || (string?)body!["connector"]!["state"] != state
                        || body["tasks"]!.AsArray() is var shown
                            && (
                                shown.Count != tasks
                                || shown.Any(t => (string?)t!["state"] != state)
                            )
                    )
                    {
                        return false;
                    }
                }
                return workers.Sum(w =>
                        w.Process.Units.Count(u => u.Connector == connector && !u.IsConnector)
                    ) == tasks;
            },
            $"{connector} {state} with {tasks} task(s) on every worker",
            () => string.Join("\n", answers) + Describe(workers)
        );
    }

    public static Task<(HttpStatusCode Status, JsonNode? Body)> PatchAsync(
        RestWorker worker,
        string connector,
        JsonArray offsets
    ) =>
        worker.SendAsync(
            HttpMethod.Patch,
            $"/connectors/{connector}/offsets",
            new JsonObject { ["offsets"] = offsets }
        );

    public static JsonObject Offset(JsonObject partition, JsonObject offset) =>
        new() { ["partition"] = partition, ["offset"] = offset };

    public static string Describe(IReadOnlyList<RestWorker> workers) =>
        "\n"
        + string.Join(
            "\n",
            workers.Select(w =>
                $"{w.Id}: {string.Join(",", w.Process.Units)}\n  "
                + string.Join("\n  ", w.Process.Process.Output.TakeLast(15))
            )
        );
}
