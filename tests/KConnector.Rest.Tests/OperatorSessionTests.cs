using System.Net;
using KConnector.Kafka;

namespace KConnector.Rest.Tests;

/// <summary>
/// An operator's session over HTTP against <c>kconnector run</c> in another process, on the embedded
/// Kafka cluster of this one: connectors created over REST (compiled at run time from order.avsc),
/// status, pause and resume, stop, offsets altered, a task that fails and is restarted, configs
/// kept over a restart of the process with the topics they used, delete; then the same with automatic restarts, and with
/// basic authentication.
/// </summary>
public sealed class OperatorSessionTests
{
    private static async Task<string> StateAsync(HttpClient client, string name, int? task = null)
    {
        var (_, status) = await client.GetJsonAsync($"/connectors/{name}/status");
        return task is { } id
            ? status.GetProperty("tasks")[id].GetProperty("state").GetString()!
            : status.GetProperty("connector").GetProperty("state").GetString()!;
    }

    private static async Task<string> TopicsAsync(HttpClient client, string name)
    {
        var (status, body) = await client.GetJsonAsync($"/connectors/{name}/topics");
        Assert.Equal(HttpStatusCode.OK, status);
        return Http.Names(body.GetProperty(name).GetProperty("topics"));
    }

    private static async Task WrittenAsync(OperatorSession session, IReadOnlyList<string> expected)
    {
        await Http.UntilAsync(
            () => Task.FromResult(session.Written().Count >= expected.Count),
            $"{expected.Count} records in the sink's file"
        );
        Assert.Equal(expected, session.Written());
    }

    [Fact]
    public async Task OperatorSession_OverHttp_AgainstKconnectorRun()
    {
        using var kafka = EmbeddedKafka.Start(brokerCount: 1, initialRebalanceDelay: TimeSpan.Zero);
        kafka.CreateTopic("orders", partitions: 1);
        using var session = new OperatorSession(kafka.BootstrapServers);
        var tool = ToolProcess.Run(session.Folder, session.WorkerProperties);
        try
        {
            using var client = new HttpClient
            {
                BaseAddress = await tool.RestAddressAsync(),
                Timeout = TimeSpan.FromMinutes(2),
            };
            Assert.Equal(
                HttpStatusCode.Created,
                (
                    await client.PostJsonAsync("/connectors", session.SourceJson("orders-source"))
                ).Status
            );
            Assert.Equal(
                HttpStatusCode.Created,
                (await client.PostJsonAsync("/connectors", session.SinkJson("orders-sink"))).Status
            );
            var (_, plugins) = await client.GetJsonAsync("/connector-plugins");
            Assert.Contains(
                plugins.EnumerateArray(),
                p =>
                    p.GetProperty("class").GetString()
                    == "KConnector.Connectors.File.FileStreamSource"
            );

            session.AppendOrders(0, 10);
            await WrittenAsync(session, OperatorSession.Orders(0, 10));
            Assert.Equal("RUNNING", await StateAsync(client, "orders-source"));
            Assert.Equal("RUNNING", await StateAsync(client, "orders-sink", 0));
            // KIP-558: the topics each used, the source's written and the sink's read.
            Assert.Equal("orders", await TopicsAsync(client, "orders-source"));
            Assert.Equal("orders", await TopicsAsync(client, "orders-sink"));

            // Paused: nothing new is read; resumed: the rest arrives.
            Assert.Equal(
                HttpStatusCode.Accepted,
                (await client.PutJsonAsync("/connectors/orders-source/pause")).Status
            );
            Assert.Equal("PAUSED", await StateAsync(client, "orders-source"));
            session.AppendOrders(10, 15);
            await Task.Delay(1_500);
            Assert.Equal(10, session.Written().Count);
            Assert.Equal(
                HttpStatusCode.Accepted,
                (await client.PutJsonAsync("/connectors/orders-source/resume")).Status
            );
            await WrittenAsync(session, OperatorSession.Orders(0, 15));

            // Stopped: the offsets are altered to skip orders 15 to 19; resumed, only 20 to 24 arrive.
            Assert.Equal(
                HttpStatusCode.NoContent,
                (await client.PutJsonAsync("/connectors/orders-source/stop")).Status
            );
            Assert.Equal("STOPPED", await StateAsync(client, "orders-source"));
            var (_, offsets) = await client.GetJsonAsync("/connectors/orders-source/offsets");
            var entry = Assert.Single(offsets.GetProperty("offsets").EnumerateArray());
            Assert.Equal(
                new FileInfo(session.Input).Length,
                entry.GetProperty("offset").GetProperty("position").GetInt64()
            );
            session.AppendOrders(15, 20);
            var skipTo = new FileInfo(session.Input).Length;
            session.AppendOrders(20, 25);
            var partition = entry.GetProperty("partition").GetRawText();
            var altered = await client.PatchJsonAsync(
                "/connectors/orders-source/offsets",
                $$"""{"offsets": [{"partition": {{partition}}, "offset": {"position": {{skipTo}}} } ] }"""
            );
            Assert.Equal(HttpStatusCode.OK, altered.Status);
            Assert.Equal(
                HttpStatusCode.Accepted,
                (await client.PutJsonAsync("/connectors/orders-source/resume")).Status
            );
            await WrittenAsync(
                session,
                [.. OperatorSession.Orders(0, 15), .. OperatorSession.Orders(20, 25)]
            );

            // A line that is not JSON fails the task (errors.tolerance=none); its trace says why.
            File.AppendAllText(session.Input, "this is not json\n");
            session.AppendOrders(25, 28);
            await Http.UntilAsync(
                async () => await StateAsync(client, "orders-source", 0) == "FAILED",
                "the task to fail"
            );
            var (_, failed) = await client.GetJsonAsync("/connectors/orders-source/tasks/0/status");
            Assert.False(string.IsNullOrEmpty(failed.GetProperty("trace").GetString()));
            // Restarted as it is, it meets the line again; with errors.tolerance=all it goes past it.
            var restarting = await client.PostJsonAsync(
                "/connectors/orders-source/restart?includeTasks=true&onlyFailed=true"
            );
            Assert.Equal(HttpStatusCode.Accepted, restarting.Status);
            await Http.UntilAsync(
                async () => await StateAsync(client, "orders-source", 0) == "FAILED",
                "the restarted task to fail again"
            );
            var patched = await client.PatchJsonAsync(
                "/connectors/orders-source/config",
                """{"errors.tolerance": "all"}"""
            );
            Assert.Equal(HttpStatusCode.OK, patched.Status);
            await WrittenAsync(
                session,
                [.. OperatorSession.Orders(0, 15), .. OperatorSession.Orders(20, 28)]
            );
            Assert.Equal("RUNNING", await StateAsync(client, "orders-source", 0));

            // The process restarts: the connectors created over REST come back, in their states.
            Assert.Equal(
                HttpStatusCode.Accepted,
                (await client.PutJsonAsync("/connectors/orders-sink/pause")).Status
            );
            Assert.Equal(0, await tool.StopAsync());
            tool.Dispose();
            tool = ToolProcess.Run(session.Folder, session.WorkerProperties);
            using var again = new HttpClient
            {
                BaseAddress = await tool.RestAddressAsync(),
                Timeout = TimeSpan.FromMinutes(2),
            };
            var (_, names) = await again.GetJsonAsync("/connectors");
            Assert.Equal(
                "orders-sink,orders-source",
                string.Join(
                    ",",
                    names.EnumerateArray().Select(n => n.GetString()).Order(StringComparer.Ordinal)
                )
            );
            Assert.Equal("PAUSED", await StateAsync(again, "orders-sink"));
            // ... and the topics they used, kept beside the configs.
            Assert.Equal("orders", await TopicsAsync(again, "orders-sink"));
            Assert.Equal(
                "all",
                (await again.GetJsonAsync("/connectors/orders-source/config"))
                    .Body.GetProperty("errors.tolerance")
                    .GetString()
            );

            Assert.Equal(
                HttpStatusCode.NoContent,
                (await again.DeleteJsonAsync("/connectors/orders-source")).Status
            );
            Assert.Equal(
                HttpStatusCode.NoContent,
                (await again.DeleteJsonAsync("/connectors/orders-sink")).Status
            );
            Assert.Empty((await again.GetJsonAsync("/connectors")).Body.EnumerateArray());
            (await again.GetJsonAsync("/connectors/orders-source")).AssertError(
                HttpStatusCode.NotFound
            );
            (await again.GetJsonAsync("/no/such/path")).AssertError(HttpStatusCode.NotFound);
        }
        catch (Exception e) when (e is not Xunit.Sdk.XunitException)
        {
            throw new InvalidOperationException("the tool said:\n" + tool.Output, e);
        }
        finally
        {
            tool.Dispose();
        }
    }
}
