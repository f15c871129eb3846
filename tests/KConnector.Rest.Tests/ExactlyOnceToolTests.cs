using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Confluent.Kafka;
using KConnector.Kafka;
using Xunit.Abstractions;

namespace KConnector.Rest.Tests;

/// <summary>
/// KIP-618 end to end on <c>kconnector distributed</c> processes with
/// <c>exactly.once.source.support=enabled</c>: a FileStreamSource (it declares exactly-once support
/// for a file) with <c>exactly.once.support=required</c> passes Connect's preflight check through
/// <c>PUT /connector-plugins/{class}/config/validate</c> and <c>POST /connectors</c>, runs in
/// transactions, and a read_committed consumer sees each line once. The same config is refused
/// with Connect's message on <c>kconnector run</c> (standalone), and a source that declares nothing
/// (HttpSource) with Connect's "does not implement the API required for preflight validation".
/// </summary>
public sealed class ExactlyOnceToolTests(ITestOutputHelper output)
{
    private const string NotEnabled =
        "This worker does not have exactly-once source support enabled.";
    private const string Undeclared =
        "The connector does not implement the API required for preflight validation of exactly-once source support.";

    [Fact]
    public async Task RequiredExactlyOnce_FileStreamSource_ValidatesAndRunsOnEnabledWorkers_EachLineOnce_RefusedStandalone()
    {
        using var kafka = EmbeddedKafka.Start(brokerCount: 3, initialRebalanceDelay: TimeSpan.Zero);
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
                var file = DistributedToolTests.WorkerFile(
                    session,
                    kafka,
                    i,
                    "exactly.once.source.support=enabled"
                );
                tools.Add(ToolProcess.Start(session.Folder, "distributed", file));
            }
            tools.Add(ToolProcess.Run(session.Folder, session.WorkerProperties));
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
            var standalone = clients[2];
            var required = session.SourceJson(
                "orders-eos",
                """, "exactly.once.support": "required" """
            );

            // Connect's preflight check: accepted on an enabled worker, refused on a standalone one.
            foreach (var client in clients.Take(2))
            {
                var accepted = await ValidateAsync(client, "FileStreamSource", required);
                Assert.True(
                    (int)accepted["error_count"]! == 0,
                    accepted.ToJsonString()
                        + "\n"
                        + string.Join("\n---\n", tools.Select(t => t.Output))
                );
            }
            var refused = await ValidateAsync(standalone, "FileStreamSource", required);
            Assert.Equal(1, (int)refused["error_count"]!);
            Assert.Equal([NotEnabled], ErrorsOf(refused, "exactly.once.support"));
            var (status, body) = await standalone.PostJsonAsync("/connectors", required);
            Assert.Equal(HttpStatusCode.BadRequest, status);
            Assert.Contains(
                NotEnabled,
                body.GetProperty("message").GetString(),
                StringComparison.Ordinal
            );

            // A source that declares nothing cannot pass the check (Connect's message, in full).
            var undeclared = await ValidateAsync(clients[0], "HttpSource", HttpSourceJson());
            var httpErrors = ErrorsOf(undeclared, "exactly.once.support");
            Assert.StartsWith(Undeclared, Assert.Single(httpErrors), StringComparison.Ordinal);

            // Created through a worker (forwarded to the leader when it is not), it runs in
            // transactions: every line once to a read_committed reader, and the commit markers
            // (which no record carries) take offsets of their own.
            await DistributedToolTests.CreateAsync(clients[1], required, tools);
            session.AppendOrders(0, 40);
            session.AppendOrders(40, 60);
            var orders = new List<string>();
            long end = 0;
            await DistributedToolTests.UntilAsync(
                () =>
                {
                    (orders, end) = ReadCommitted(kafka.BootstrapServers);
                    return Task.FromResult(orders.Count >= 60);
                },
                "60 committed orders",
                tools
            );
            Assert.Equal(OperatorSession.Orders(0, 60), orders);
            Assert.True(
                end > orders.Count,
                $"no transaction marker: end {end}, {orders.Count} records"
            );
            output.WriteLine($"orders: {orders.Count} records, partition end {end}");

            foreach (var tool in tools)
            {
                Assert.Equal(0, await tool.StopAsync());
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

    // The body of PUT /connector-plugins/{class}/config/validate is the connector's config alone.
    private static async Task<JsonNode> ValidateAsync(
        HttpClient client,
        string plugin,
        string created
    )
    {
        var config = JsonNode.Parse(created)!["config"]!.ToJsonString();
        var (status, body) = await client.PutJsonAsync(
            $"/connector-plugins/{plugin}/config/validate",
            config
        );
        Assert.True(status == HttpStatusCode.OK, $"{status} {body}");
        return JsonNode.Parse(body.GetRawText())!;
    }

    private static List<string> ErrorsOf(JsonNode validated, string key) =>
        [
            .. validated["configs"]!.AsArray().Single(c => (string?)c!["value"]!["name"] == key)![
                "value"
            ]!["errors"]!
                .AsArray()
                .Select(e => (string)e!),
        ];

    private static string HttpSourceJson() =>
        """
            {"name": "listing", "config": {
              "connector.class": "HttpSource", "url": "http://127.0.0.1:9/orders",
              "topic.name.pattern": "orders", "http.offset.json.pointer": "/order_id",
              "value.converter": "org.apache.kafka.connect.json.JsonConverter",
              "value.converter.schemas.enable": false, "value.schema": "order.avsc",
              "exactly.once.support": "required" } }
            """;

    // "orders" read to its end by a read_committed consumer: the order ids, and the partition's end.
    private static (List<string> Orders, long End) ReadCommitted(string bootstrapServers)
    {
        using var consumer = new ConsumerBuilder<byte[]?, byte[]?>(
            new ConsumerConfig
            {
                BootstrapServers = bootstrapServers,
                GroupId = "reader-" + Guid.NewGuid().ToString("N"),
                EnableAutoCommit = false,
                IsolationLevel = IsolationLevel.ReadCommitted,
                EnablePartitionEof = true,
            }
        ).Build();
        consumer.Assign(new TopicPartitionOffset("orders", 0, Offset.Beginning));
        var orders = new List<string>();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (consumer.Consume(TimeSpan.FromMilliseconds(200)) is not { } result)
            {
                continue;
            }
            if (result.IsPartitionEOF)
            {
                return (orders, result.Offset.Value);
            }
            var value = Encoding.UTF8.GetString(result.Message.Value!);
            orders.Add(JsonDocument.Parse(value).RootElement.GetProperty("order_id").GetString()!);
        }
        Assert.Fail("Could not read orders to its end within 30 s.");
        return (orders, 0);
    }
}
