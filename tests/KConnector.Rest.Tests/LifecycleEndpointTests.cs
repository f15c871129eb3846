using System.Net;

namespace KConnector.Rest.Tests;

/// <summary>
/// Pause, resume, stop, restart and KIP-875's offsets over HTTP, with Kafka Connect's codes: 202
/// for pause and resume, 204 for stop, a plain restart and a task's restart, 202 with the status
/// for a restart with tasks; offsets altered or reset only while STOPPED.
/// </summary>
public sealed class LifecycleEndpointTests : IAsyncLifetime
{
    private RestApiServer _server = null!;

    private HttpClient Client => _server.Client;

    public async Task InitializeAsync() => _server = await RestApiServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private async Task<string> StateAsync(string name) =>
        (await Client.GetJsonAsync($"/connectors/{name}/status"))
            .Body.GetProperty("connector")
            .GetProperty("state")
            .GetString()!;

    private async Task<long> OffsetAsync(string name)
    {
        var (status, body) = await Client.GetJsonAsync($"/connectors/{name}/offsets");
        Assert.Equal(HttpStatusCode.OK, status);
        var entry = Assert.Single(body.GetProperty("offsets").EnumerateArray());
        Assert.Equal(name, entry.GetProperty("partition").GetProperty("source").GetString());
        return entry.GetProperty("offset").GetProperty("n").GetInt64(); // a number, as Connect's connectors write it
    }

    [Fact]
    public async Task PauseResumeStop_AlterOffsetsWhileStopped_ResumesFromThem()
    {
        var created = await Client.PostJsonAsync(
            "/connectors",
            """{"name": "ops", "config": {"connector.class": "CountingSource", "topic": "numbers"}, "initial_state": "STOPPED"}"""
        );
        Assert.Equal(HttpStatusCode.Created, created.Status);
        Assert.Empty(created.Body.GetProperty("tasks").EnumerateArray());
        Assert.Equal("STOPPED", await StateAsync("ops"));
        Assert.Empty(
            (await Client.GetJsonAsync("/connectors/ops/offsets"))
                .Body.GetProperty("offsets")
                .EnumerateArray()
        );

        var altered = await Client.PatchJsonAsync(
            "/connectors/ops/offsets",
            """{"offsets": [{"partition": {"source": "ops"}, "offset": {"n": 1000}}]}"""
        );
        Assert.Equal(HttpStatusCode.OK, altered.Status);
        Assert.Contains(
            "altered successfully",
            altered.Body.GetProperty("message").GetString(),
            StringComparison.Ordinal
        );
        Assert.Equal(1000, await OffsetAsync("ops"));

        Assert.Equal(
            HttpStatusCode.Accepted,
            (await Client.PutJsonAsync("/connectors/ops/resume")).Status
        );
        await Http.UntilAsync(async () => await StateAsync("ops") == "RUNNING", "RUNNING");
        Assert.Equal(
            HttpStatusCode.Accepted,
            (await Client.PutJsonAsync("/connectors/ops/pause")).Status
        );
        Assert.Equal("PAUSED", await StateAsync("ops"));
        Assert.Equal(
            HttpStatusCode.Accepted,
            (await Client.PutJsonAsync("/connectors/ops/resume")).Status
        );
        await Task.Delay(300);

        // Running: offsets are read, never altered or reset.
        var refused = await Client.PatchJsonAsync(
            "/connectors/ops/offsets",
            """{"offsets": [{"partition": {"source": "ops"}, "offset": {"n": 5}}]}"""
        );
        Assert.Contains(
            "STOPPED",
            refused.AssertError(HttpStatusCode.BadRequest),
            StringComparison.Ordinal
        );
        (await Client.DeleteJsonAsync("/connectors/ops/offsets")).AssertError(
            HttpStatusCode.BadRequest
        );

        Assert.Equal(
            HttpStatusCode.NoContent,
            (await Client.PutJsonAsync("/connectors/ops/stop")).Status
        );
        Assert.Equal("STOPPED", await StateAsync("ops"));
        Assert.Empty(
            (await Client.GetJsonAsync("/connectors/ops/status"))
                .Body.GetProperty("tasks")
                .EnumerateArray()
        );
        Assert.True(await OffsetAsync("ops") > 1000, "the task resumed after offset 1000");

        var reset = await Client.DeleteJsonAsync("/connectors/ops/offsets");
        Assert.Equal(HttpStatusCode.OK, reset.Status);
        Assert.Contains(
            "reset successfully",
            reset.Body.GetProperty("message").GetString(),
            StringComparison.Ordinal
        );
        Assert.Empty(
            (await Client.GetJsonAsync("/connectors/ops/offsets"))
                .Body.GetProperty("offsets")
                .EnumerateArray()
        );
        (await Client.PatchJsonAsync("/connectors/ops/offsets", """{"offsets": []}""")).AssertError(
            HttpStatusCode.BadRequest
        );
    }

    [Fact]
    public async Task FailedTask_ShowsItsTraceWithoutSecrets_RestartsOverRest()
    {
        Assert.Equal(
            HttpStatusCode.Created,
            (
                await Client.PostJsonAsync(
                    "/connectors",
                    """{"name": "fragile", "config": {"connector.class": "CountingSource", "topic": "numbers", "fail.at": "3"}}"""
                )
            ).Status
        );
        await Http.UntilAsync(
            async () =>
                (await Client.GetJsonAsync("/connectors/fragile/tasks/0/status"))
                    .Body.GetProperty("state")
                    .GetString() == "FAILED",
            "the task to fail"
        );
        var (_, task) = await Client.GetJsonAsync("/connectors/fragile/tasks/0/status");
        Assert.Equal("FAILED", task.GetProperty("state").GetString());
        // As Kafka Connect: the connector stays RUNNING; its task reads FAILED.
        Assert.Equal("RUNNING", await StateAsync("fragile"));
        var trace = task.GetProperty("trace").GetString()!;
        Assert.Contains("counting failed at 3", trace, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", trace, StringComparison.Ordinal);
        var ready = await Client.GetJsonAsync("/health/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.Status);
        Assert.Contains(
            "fragile-0 FAILED",
            ready.Body.GetProperty("message").GetString(),
            StringComparison.Ordinal
        );

        Assert.Equal(
            HttpStatusCode.NoContent,
            (await Client.PostJsonAsync("/connectors/fragile/restart")).Status
        );
        var restarting = await Client.PostJsonAsync(
            "/connectors/fragile/restart?includeTasks=true&onlyFailed=true"
        );
        Assert.Equal(HttpStatusCode.Accepted, restarting.Status);
        Assert.Equal(
            "RESTARTING",
            restarting.Body.GetProperty("tasks")[0].GetProperty("state").GetString()
        );
        Assert.Equal(
            HttpStatusCode.NoContent,
            (await Client.PostJsonAsync("/connectors/fragile/tasks/0/restart")).Status
        );
        (await Client.PostJsonAsync("/connectors/fragile/tasks/9/restart")).AssertError(
            HttpStatusCode.NotFound
        );
        (await Client.PostJsonAsync("/connectors/ghost/restart")).AssertError(
            HttpStatusCode.NotFound
        );
        Assert.Equal(HttpStatusCode.OK, (await Client.GetJsonAsync("/health/live")).Status);
    }
}
