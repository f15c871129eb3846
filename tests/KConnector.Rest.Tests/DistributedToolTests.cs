using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using KConnector.Kafka;
using Xunit.Abstractions;

namespace KConnector.Rest.Tests;

/// <summary>
/// <c>kconnector distributed worker.properties</c> (Kafka Connect's <c>connect-distributed</c>) as
/// two real processes on the embedded cluster: connectors created over REST on either worker
/// (compiled at run time from order.avsc) run once across the two, every worker answers their
/// status alike, and SIGTERM stops each worker cleanly.
/// </summary>
public sealed class DistributedToolTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(240);

    [Fact]
    public async Task TwoDistributedWorkers_RunConnectorsCreatedOverRest_AnswerAlike_AndStopCleanly()
    {
        using var kafka = EmbeddedKafka.Start(brokerCount: 1, initialRebalanceDelay: TimeSpan.Zero);
        kafka.CreateTopic("orders", partitions: 1);
        kafka.CreateTopic("tool-configs", partitions: 1);
        kafka.CreateTopic("tool-offsets", partitions: 5);
        kafka.CreateTopic("tool-status", partitions: 2);
        using var session = new OperatorSession(kafka.BootstrapServers);
        var tools = new List<ToolProcess>();
        try
        {
            for (var i = 0; i < 2; i++)
            {
                tools.Add(
                    ToolProcess.Start(session.Folder, "distributed", WorkerFile(session, kafka, i))
                );
            }
            var clients = new List<HttpClient>();
            foreach (var tool in tools)
            {
                clients.Add(
                    new HttpClient
                    {
                        BaseAddress = await tool.RestAddressAsync(),
                        Timeout = TimeSpan.FromMinutes(3),
                    }
                );
            }
            // While the two workers form their group there may be no leader yet: Connect answers
            // 409 then, and an operator's script tries again.
            await CreateAsync(clients[1], session.SourceJson("orders-source"), tools);
            await CreateAsync(clients[0], session.SinkJson("orders-sink"), tools);

            session.AppendOrders(0, 20);
            await UntilAsync(
                () => Task.FromResult(session.Written().Count >= 20),
                "20 orders in the sink's file",
                tools,
                () => StatusesAsync(clients)
            );
            Assert.Equal(OperatorSession.Orders(0, 20), session.Written());

            var ids = clients.Select(c => c.BaseAddress!.Authority).ToHashSet();
            foreach (var name in new[] { "orders-source", "orders-sink" })
            {
                string[] answers = [];
                await UntilAsync(
                    async () =>
                    {
                        answers =
                        [
                            .. await Task.WhenAll(
                                clients.Select(async c =>
                                    (
                                        await c.GetJsonAsync($"/connectors/{name}/status")
                                    ).Body.GetRawText()
                                )
                            ),
                        ];
                        return answers.Distinct().Count() == 1
                            && Running(JsonDocument.Parse(answers[0]).RootElement, ids);
                    },
                    $"{name} RUNNING alike on both workers",
                    tools
                );
                output.WriteLine(answers[0]);
            }

            foreach (var tool in tools)
            {
                Assert.Equal(0, await tool.StopAsync());
                Assert.Contains("stopped", tool.Output, StringComparison.Ordinal);
            }
        }
        finally
        {
            foreach (var tool in tools)
            {
                tool.Dispose();
            }
        }
    }

    // The connector and its task RUNNING, each on one of the two workers.
    private static bool Running(JsonElement status, HashSet<string> workers) =>
        status.GetProperty("connector").GetProperty("state").GetString() == "RUNNING"
        && workers.Contains(status.GetProperty("connector").GetProperty("worker_id").GetString()!)
        && status.GetProperty("tasks").GetArrayLength() == 1
        && status.GetProperty("tasks")[0].GetProperty("state").GetString() == "RUNNING"
        && workers.Contains(status.GetProperty("tasks")[0].GetProperty("worker_id").GetString()!);

    internal static async Task CreateAsync(HttpClient client, string json, List<ToolProcess> tools)
    {
        var answer = (Status: HttpStatusCode.OK, Body: default(JsonElement));
        await UntilAsync(
            async () =>
            {
                answer = await client.PostJsonAsync("/connectors", json);
                return answer.Status != HttpStatusCode.Conflict;
            },
            "a leader to take the connector",
            tools
        );
        Assert.True(answer.Status == HttpStatusCode.Created, answer.Body.ToString());
    }

    internal static async Task UntilAsync(
        Func<Task<bool>> condition,
        string what,
        List<ToolProcess> tools,
        Func<Task<string>>? seen = null
    )
    {
        var deadline = DateTime.UtcNow + Wait;
        while (!await condition())
        {
            if (DateTime.UtcNow >= deadline)
            {
                Assert.Fail(
                    $"Timed out after {Wait} waiting for {what}:\n"
                        + (seen is null ? string.Empty : await seen() + "\n")
                        + string.Join("\n---\n", tools.Select(t => t.Output))
                );
            }
            await Task.Delay(250);
        }
    }

    private static async Task<string> StatusesAsync(List<HttpClient> clients)
    {
        var lines = new List<string>();
        foreach (var client in clients)
        {
            foreach (var name in new[] { "orders-source", "orders-sink" })
            {
                var (status, body) = await client.GetJsonAsync($"/connectors/{name}/status");
                lines.Add($"{client.BaseAddress} {name}: {status} {body}");
            }
        }
        return string.Join("\n", lines);
    }

    // extraLines: more worker keys (e.g. exactly.once.source.support=enabled).
    internal static string WorkerFile(
        OperatorSession session,
        EmbeddedKafka kafka,
        int index,
        string extraLines = ""
    )
    {
        var path = Path.Combine(
            session.Folder,
            $"worker-{index.ToString(CultureInfo.InvariantCulture)}.properties"
        );
        File.WriteAllText(
            path,
            $"""
            bootstrap.servers={kafka.BootstrapServers}
            group.id=tool-cluster
            config.storage.topic=tool-configs
            offset.storage.topic=tool-offsets
            status.storage.topic=tool-status
            listeners=http://127.0.0.1:{FreePort().ToString(CultureInfo.InvariantCulture)}
            offset.flush.interval.ms=200
            session.timeout.ms=6000
            heartbeat.interval.ms=1000
            scheduled.rebalance.max.delay.ms=3000
            {extraLines}
            """
        );
        return path;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
