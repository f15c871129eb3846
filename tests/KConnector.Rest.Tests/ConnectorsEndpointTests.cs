using System.Net;
using System.Text.Json;

namespace KConnector.Rest.Tests;

/// <summary>
/// The connectors endpoints against Kafka Connect's documented examples: status codes, JSON shapes
/// and error bodies, over a real worker on the embedded cluster.
/// </summary>
public sealed class ConnectorsEndpointTests : IAsyncLifetime
{
    private RestApiServer _server = null!;

    private HttpClient Client => _server.Client;

    public async Task InitializeAsync() => _server = await RestApiServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private static string Create(string name) =>
        $$"""
            {"name": "{{name}}", "config": {"connector.class": "CountingSource", "topic": "numbers",
             "tasks.max": 1, "secret.token": "s3cr3t-token"} }
            """;

    [Fact]
    public async Task Root_AnswersServerInfo()
    {
        var (status, body) = await Client.GetJsonAsync("/");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.False(string.IsNullOrEmpty(body.GetProperty("version").GetString()));
        Assert.True(body.TryGetProperty("commit", out _));
        // The id librdkafka's mock cluster gives in its Metadata answers ("mockCluster" and hex).
        var id = body.GetProperty("kafka_cluster_id").GetString()!;
        Assert.StartsWith("mockCluster", id, StringComparison.Ordinal);
        Assert.True(id.Length > "mockCluster".Length);
        Assert.Equal(
            id,
            (await Client.GetJsonAsync("/")).Body.GetProperty("kafka_cluster_id").GetString()
        );
    }

    [Fact]
    public async Task PostConnectors_Answers201WithItsInfo_SecretsHidden_409WhenTaken()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/connectors")
        {
            Content = new StringContent(
                Create("created"),
                System.Text.Encoding.UTF8,
                "application/json"
            ),
        };
        using var response = await Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("/connectors/created", response.Headers.Location?.OriginalString);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("created", body.GetProperty("name").GetString());
        Assert.Equal("source", body.GetProperty("type").GetString());
        var config = body.GetProperty("config");
        Assert.Equal("[hidden]", config.GetProperty("secret.token").GetString());
        Assert.Equal("1", config.GetProperty("tasks.max").GetString());
        Assert.Equal("created", config.GetProperty("name").GetString());
        var task = Assert.Single(body.GetProperty("tasks").EnumerateArray());
        Assert.Equal("created", task.GetProperty("connector").GetString());
        Assert.Equal(0, task.GetProperty("task").GetInt32());

        var again = await Client.PostJsonAsync("/connectors", Create("created"));
        Assert.Equal(
            "Connector created already exists",
            again.AssertError(HttpStatusCode.Conflict)
        );

        foreach (
            var path in (string[])
                ["/connectors/created/config", "/connectors/created", "/connectors?expand=info"]
        )
        {
            var (_, shown) = await Client.GetJsonAsync(path);
            Assert.DoesNotContain("s3cr3t-token", shown.GetRawText(), StringComparison.Ordinal);
        }
        var (_, tasks) = await Client.GetJsonAsync("/connectors/created/tasks");
        var first = Assert.Single(tasks.EnumerateArray());
        Assert.Equal("created", first.GetProperty("id").GetProperty("connector").GetString());
        Assert.Equal(
            "[hidden]",
            first.GetProperty("config").GetProperty("secret.token").GetString()
        );
    }

    [Fact]
    public async Task PostConnectors_InvalidConfig_Answers400NamingTheKey_AndCreatesNothing()
    {
        var answer = await Client.PostJsonAsync(
            "/connectors",
            """{"name": "broken", "config": {"connector.class": "CountingSource", "tasks.max": "0", "secret.token": "s3cr3t-token"}}"""
        );
        var message = answer.AssertError(HttpStatusCode.BadRequest);
        Assert.Contains("topic", message, StringComparison.Ordinal);
        Assert.Contains("tasks.max", message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr3t-token", message, StringComparison.Ordinal);
        (await Client.GetJsonAsync("/connectors/broken")).AssertError(HttpStatusCode.NotFound);

        var badState = await Client.PostJsonAsync(
            "/connectors",
            """{"name": "x", "config": {"topic": "t"}, "initial_state": "SLEEPING"}"""
        );
        Assert.Contains(
            "initial_state",
            badState.AssertError(HttpStatusCode.BadRequest),
            StringComparison.Ordinal
        );
        (await Client.PostJsonAsync("/connectors", "{not json")).AssertError(
            HttpStatusCode.BadRequest
        );
    }

    [Fact]
    public async Task ListAndStatus_AnswerConnectShapes_WithExpand()
    {
        Assert.Equal(
            HttpStatusCode.Created,
            (await Client.PostJsonAsync("/connectors", Create("listed"))).Status
        );
        await Http.UntilAsync(
            async () =>
                (await Client.GetJsonAsync("/connectors/listed/status"))
                    .Body.GetProperty("tasks")[0]
                    .GetProperty("state")
                    .GetString() == "RUNNING",
            "the task to run"
        );

        var (_, names) = await Client.GetJsonAsync("/connectors");
        Assert.Contains("listed", names.EnumerateArray().Select(n => n.GetString()));

        var (_, status) = await Client.GetJsonAsync("/connectors/listed/status");
        Assert.Equal("listed", status.GetProperty("name").GetString());
        Assert.Equal("RUNNING", status.GetProperty("connector").GetProperty("state").GetString());
        Assert.Equal(
            "127.0.0.1:8083",
            status.GetProperty("connector").GetProperty("worker_id").GetString()
        );
        Assert.False(status.GetProperty("connector").TryGetProperty("trace", out _));
        Assert.Equal("source", status.GetProperty("type").GetString());
        var task = Assert.Single(status.GetProperty("tasks").EnumerateArray());
        Assert.Equal(0, task.GetProperty("id").GetInt32());

        var (taskStatus, one) = await Client.GetJsonAsync("/connectors/listed/tasks/0/status");
        Assert.Equal(HttpStatusCode.OK, taskStatus);
        Assert.Equal("RUNNING", one.GetProperty("state").GetString());
        (await Client.GetJsonAsync("/connectors/listed/tasks/7/status")).AssertError(
            HttpStatusCode.NotFound
        );

        var (_, expanded) = await Client.GetJsonAsync("/connectors?expand=status&expand=info");
        var entry = expanded.GetProperty("listed");
        Assert.Equal(
            "RUNNING",
            entry.GetProperty("status").GetProperty("connector").GetProperty("state").GetString()
        );
        Assert.Equal(
            "numbers",
            entry.GetProperty("info").GetProperty("config").GetProperty("topic").GetString()
        );
        var (_, statusOnly) = await Client.GetJsonAsync("/connectors?expand=status");
        Assert.False(statusOnly.GetProperty("listed").TryGetProperty("info", out _));

        // KIP-558: the topic its records went to, once one did (TopicsEndpointTests has the rest).
        await Http.UntilAsync(
            async () =>
                Http.Names(
                    (await Client.GetJsonAsync("/connectors/listed/topics"))
                        .Body.GetProperty("listed")
                        .GetProperty("topics")
                ) == "numbers",
            "the topic numbers tracked"
        );
        Assert.Equal(
            HttpStatusCode.Accepted,
            (await Client.PutJsonAsync("/connectors/listed/topics/reset")).Status
        );

        Assert.Equal(
            "Connector nope not found",
            (await Client.GetJsonAsync("/connectors/nope/status")).AssertError(
                HttpStatusCode.NotFound
            )
        );
    }

    [Fact]
    public async Task PutAndPatchConfig_CreateThenReplace_NullRemovesAKey()
    {
        var created = await Client.PutJsonAsync(
            "/connectors/configured/config",
            """{"connector.class": "CountingSource", "topic": "numbers", "fail.at": "100000"}"""
        );
        Assert.Equal(HttpStatusCode.Created, created.Status);
        var replaced = await Client.PutJsonAsync(
            "/connectors/configured/config",
            """{"connector.class": "CountingSource", "topic": "other", "fail.at": "100000"}"""
        );
        Assert.Equal(HttpStatusCode.OK, replaced.Status);
        Assert.Equal("other", replaced.Body.GetProperty("config").GetProperty("topic").GetString());

        var patched = await Client.PatchJsonAsync(
            "/connectors/configured/config",
            """{"topic": "numbers", "fail.at": null}"""
        );
        Assert.Equal(HttpStatusCode.OK, patched.Status);
        var (_, config) = await Client.GetJsonAsync("/connectors/configured/config");
        Assert.Equal("numbers", config.GetProperty("topic").GetString());
        Assert.False(config.TryGetProperty("fail.at", out _));

        var mismatch = await Client.PutJsonAsync(
            "/connectors/configured/config",
            """{"name": "other", "topic": "t"}"""
        );
        Assert.Contains(
            "doesn't match",
            mismatch.AssertError(HttpStatusCode.BadRequest),
            StringComparison.Ordinal
        );
        // An invalid new config leaves the old one running.
        (
            await Client.PutJsonAsync(
                "/connectors/configured/config",
                """{"connector.class": "CountingSource"}"""
            )
        ).AssertError(HttpStatusCode.BadRequest);
        Assert.Equal(
            "numbers",
            (await Client.GetJsonAsync("/connectors/configured/config"))
                .Body.GetProperty("topic")
                .GetString()
        );
    }

    [Fact]
    public async Task DeleteConnector_Answers204_ThenItIsGone()
    {
        Assert.Equal(
            HttpStatusCode.Created,
            (await Client.PostJsonAsync("/connectors", Create("doomed"))).Status
        );
        Assert.Equal(
            HttpStatusCode.NoContent,
            (await Client.DeleteJsonAsync("/connectors/doomed")).Status
        );
        (await Client.GetJsonAsync("/connectors/doomed")).AssertError(HttpStatusCode.NotFound);
        (await Client.DeleteJsonAsync("/connectors/doomed")).AssertError(HttpStatusCode.NotFound);
    }
}
