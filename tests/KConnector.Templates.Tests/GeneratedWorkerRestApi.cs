using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace KConnector.Templates.Tests;

/// <summary>
/// The generated project's Kafka Connect REST API, asked as an operator asks it while the project
/// runs: the connector's status in Connect's JSON shape, RUNNING, then <c>PUT .../pause</c> and the
/// status PAUSED. The run is given <see cref="AnyFreePort"/>; Kestrel's start line says where it is.
/// </summary>
internal static partial class GeneratedWorkerRestApi
{
    /// <summary>The worker key that moves the API off the template's 8083 onto a free port.</summary>
    public const string AnyFreePort = "--Worker:listeners=http://127.0.0.1:0";

    // Generous: the run shares a loaded 2-core machine with the other test projects.
    private static readonly TimeSpan StateDeadline = TimeSpan.FromSeconds(60);

    /// <summary>The API's address once Kestrel says it listens, else null.</summary>
    public static Uri? Address(string output) =>
        Listening().Match(output) is { Success: true } match
            ? new Uri(match.Groups[1].Value + "/")
            : null;

    /// <summary>
    /// The one connector (its type <paramref name="type"/>) reads RUNNING with every task RUNNING,
    /// each state from <c>worker_id</c> = the API's host:port; after a pause, PAUSED.
    /// </summary>
    public static async Task AssertRunningThenPausedAsync(Uri api, string type)
    {
        using var http = new HttpClient { BaseAddress = api, Timeout = TimeSpan.FromSeconds(30) };
        var names = JsonNode.Parse(await http.GetStringAsync("connectors"))!.AsArray();
        var name = Assert.Single(names)!.GetValue<string>();

        var running = await WaitForStateAsync(http, name, "RUNNING");
        Assert.Equal(["connector", "name", "tasks", "type"], Keys(running));
        Assert.Equal(name, running["name"]!.GetValue<string>());
        Assert.Equal(type, running["type"]!.GetValue<string>());
        var connector = running["connector"]!.AsObject();
        Assert.Equal(["state", "worker_id"], Keys(connector));
        Assert.Equal(api.Authority, connector["worker_id"]!.GetValue<string>());
        var task = running["tasks"]!.AsArray()[0]!.AsObject();
        Assert.Equal(["id", "state", "worker_id"], Keys(task));
        Assert.Equal(0, task["id"]!.GetValue<int>());

        using var pause = await http.PutAsync($"connectors/{name}/pause", content: null);
        Assert.Equal(HttpStatusCode.Accepted, pause.StatusCode);
        await WaitForStateAsync(http, name, "PAUSED");
    }

    // The status once the connector and each of its tasks (at least one) read the state.
    private static async Task<JsonObject> WaitForStateAsync(
        HttpClient http,
        string name,
        string state
    )
    {
        using var deadline = new CancellationTokenSource(StateDeadline);
        JsonObject? status = null;
        while (!deadline.IsCancellationRequested)
        {
            using var answer = await http.GetAsync($"connectors/{name}/status", deadline.Token);
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
            status = JsonNode
                .Parse(await answer.Content.ReadAsStringAsync(deadline.Token))!
                .AsObject();
            var tasks = status["tasks"]!.AsArray();
            if (
                status["connector"]!["state"]!.GetValue<string>() == state
                && tasks.Count > 0
                && tasks.All(t => t!["state"]!.GetValue<string>() == state)
            )
            {
                return status;
            }
            await Task.Delay(250, CancellationToken.None);
        }
        Assert.Fail($"{name} did not read {state} within {StateDeadline}; last status: {status}");
        return status!;
    }

    private static List<string> Keys(JsonObject json) =>
        [.. json.Select(p => p.Key).Order(StringComparer.Ordinal)];

    [GeneratedRegex(@"Now listening on: (http://127\.0\.0\.1:\d+)")]
    private static partial Regex Listening();
}
