using System.Net;
using System.Text.Json;

namespace KConnector.Rest.Tests;

/// <summary>
/// Kafka Connect's topic tracking (KIP-558) over HTTP: <c>GET /connectors/{name}/topics</c> lists
/// the topics a connector actually used (a source's after its transforms, a sink's read), <c>PUT
/// .../topics/reset</c> empties them (202), the worker keys <c>topic.tracking.enable</c> and
/// <c>topic.tracking.allow.reset</c> refuse with Connect's 403 answers, and a worker keeping its
/// configs in a file keeps the topics beside them across a restart.
/// </summary>
public sealed class TopicsEndpointTests : IDisposable
{
    private readonly string _folder = Directory
        .CreateTempSubdirectory("kconnector-topics-")
        .FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    // Evens to "numbers", odds to "numbers-odd", both renamed by a RegexRouter: the topics tracked
    // are the routed ones, never the ones the task named.
    private const string SplitSource = """
        {"name": "split", "config": {"connector.class": "CountingSource", "topic": "numbers",
         "odd.topic": "numbers-odd", "transforms": "route",
         "transforms.route.type": "org.apache.kafka.connect.transforms.RegexRouter",
         "transforms.route.regex": "numbers(.*)", "transforms.route.replacement": "routed$1"}}
        """;

    private static async Task<string[]> TopicsAsync(HttpClient client, string name)
    {
        var (status, body) = await client.GetJsonAsync($"/connectors/{name}/topics");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(JsonValueKind.Object, body.ValueKind);
        Assert.Equal([name], body.EnumerateObject().Select(p => p.Name));
        return
        [
            .. body.GetProperty(name)
                .GetProperty("topics")
                .EnumerateArray()
                .Select(t => t.GetString()!),
        ];
    }

    private static Task UntilTopicsAsync(
        HttpClient client,
        string name,
        params string[] expected
    ) =>
        Http.UntilAsync(
            async () => (await TopicsAsync(client, name)).SequenceEqual(expected),
            $"{name}'s topics {string.Join(",", expected)}"
        );

    [Fact]
    public async Task RegexRoutedSource_ListsBothTopicsItWroteTo_ResetEmptiesThem()
    {
        await using var server = await RestApiServer.StartAsync();
        var client = server.Client;
        Assert.Equal(
            HttpStatusCode.Created,
            (await client.PostJsonAsync("/connectors", SplitSource)).Status
        );

        await UntilTopicsAsync(client, "split", "routed", "routed-odd");

        // Stopped, nothing is written any more: the reset leaves the set empty.
        Assert.Equal(
            HttpStatusCode.NoContent,
            (await client.PutJsonAsync("/connectors/split/stop")).Status
        );
        var reset = await client.PutJsonAsync("/connectors/split/topics/reset");
        Assert.Equal(HttpStatusCode.Accepted, reset.Status);
        Assert.Empty(await TopicsAsync(client, "split"));

        // Running again, the topics it writes to fill it again.
        Assert.Equal(
            HttpStatusCode.Accepted,
            (await client.PutJsonAsync("/connectors/split/resume")).Status
        );
        await UntilTopicsAsync(client, "split", "routed", "routed-odd");
    }

    [Fact]
    public async Task Sink_ListsTheTopicItRead_DeleteForgetsThem()
    {
        await using var server = await RestApiServer.StartAsync();
        var client = server.Client;
        await client.PostJsonAsync(
            "/connectors",
            """{"name": "counter", "config": {"connector.class": "CountingSource", "topic": "numbers"}}"""
        );
        await client.PostJsonAsync(
            "/connectors",
            """{"name": "collect", "config": {"connector.class": "CollectingSink", "topics": "numbers"}}"""
        );
        await UntilTopicsAsync(client, "collect", "numbers");
        await UntilTopicsAsync(client, "counter", "numbers");

        Assert.Equal(
            HttpStatusCode.NoContent,
            (await client.DeleteJsonAsync("/connectors/collect")).Status
        );
        (await client.GetJsonAsync("/connectors/collect/topics")).AssertError(
            HttpStatusCode.NotFound
        );
        await client.PostJsonAsync(
            "/connectors",
            """{"name": "collect", "config": {"connector.class": "CollectingSink", "topics": "numbers"}, "initial_state": "STOPPED"}"""
        );
        Assert.Empty(await TopicsAsync(client, "collect"));
    }

    [Fact]
    public async Task TrackingDisabled_AnswersConnectsForbidden()
    {
        await using var server = await RestApiServer.StartAsync(
            workerSettings: new Dictionary<string, string> { ["topic.tracking.enable"] = "false" }
        );
        var client = server.Client;
        await client.PostJsonAsync("/connectors", SplitSource);

        var listed = await client.GetJsonAsync("/connectors/split/topics");
        Assert.Equal("Topic tracking is disabled.", listed.AssertError(HttpStatusCode.Forbidden));
        var reset = await client.PutJsonAsync("/connectors/split/topics/reset");
        Assert.Equal("Topic tracking is disabled.", reset.AssertError(HttpStatusCode.Forbidden));
    }

    [Fact]
    public async Task ResetDisallowed_ListsButRefusesTheReset()
    {
        await using var server = await RestApiServer.StartAsync(
            workerSettings: new Dictionary<string, string>
            {
                ["topic.tracking.allow.reset"] = "false",
            }
        );
        var client = server.Client;
        await client.PostJsonAsync("/connectors", SplitSource);
        await UntilTopicsAsync(client, "split", "routed", "routed-odd");

        var reset = await client.PutJsonAsync("/connectors/split/topics/reset");
        Assert.Equal(
            "Topic tracking reset is disabled.",
            reset.AssertError(HttpStatusCode.Forbidden)
        );
        Assert.Equal(["routed", "routed-odd"], await TopicsAsync(client, "split"));
    }

    [Fact]
    public async Task StandaloneWorker_KeepsTheTopicsBesideItsConfigs_AcrossARestart()
    {
        var settings = new Dictionary<string, string>
        {
            ["config.storage.file.filename"] = Path.Combine(_folder, "connectors.json"),
        };
        await using (var first = await RestApiServer.StartAsync(workerSettings: settings))
        {
            await first.Client.PostJsonAsync("/connectors", SplitSource);
            await UntilTopicsAsync(first.Client, "split", "routed", "routed-odd");
        }
        Assert.True(File.Exists(Path.Combine(_folder, "connectors.json.topics")));

        await using var second = await RestApiServer.StartAsync(workerSettings: settings);
        var stopped = SplitSource.Replace(
            "}}",
            """}, "initial_state": "STOPPED"}""",
            StringComparison.Ordinal
        );
        Assert.Equal(
            HttpStatusCode.Created,
            (await second.Client.PostJsonAsync("/connectors", stopped)).Status
        );
        Assert.Equal(["routed", "routed-odd"], await TopicsAsync(second.Client, "split"));
    }
}
