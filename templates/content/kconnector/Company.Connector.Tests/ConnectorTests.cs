using Confluent.Kafka;
using KConnector.Connectors;
using KConnector.Converters;
using KConnector.Kafka;
#if (sqlSink)
using Microsoft.Data.Sqlite;
#endif
#if (redisSink)
using StackExchange.Redis;
#endif
#if (httpSink || esSink)
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
#endif

namespace Company.Connector.Tests;

/// <summary>
/// Runs the connector on an embedded Kafka cluster (librdkafka's mock cluster, in this process):
/// no broker to install. Every wait has a deadline.
/// </summary>
public sealed class ConnectorTests : IDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);
    private readonly string _directory = Directory
        .CreateTempSubdirectory("company-connector-")
        .FullName;

#if (source || fileSource || sqlSource || httpSource)
    [Fact]
    public async Task Source_WritesEveryOrder_ToTheTopic()
    {
        const int Total = 50;
#if (sqlSource)
        const string Topic = "shop-orders"; // topic.prefix + table
#else
        const string Topic = "orders";
#endif
        using var kafka = EmbeddedKafka.Start(brokerCount: 1, initialRebalanceDelay: TimeSpan.Zero);
        kafka.CreateTopic(Topic, partitions: 2);
        using var environment = new ConnectorEnvironment();
#if (source)
        var worker = new OrdersSourceWorker(
            OrdersSourceConfig.Parse(
                new Dictionary<string, string?>
                {
                    ["bootstrap.servers"] = kafka.BootstrapServers,
                    ["orders.count"] = Total.ToString(
                        System.Globalization.CultureInfo.InvariantCulture
                    ),
                }
            ),
            environment
        );
#else
#if (fileSource)
        // The file the source tails: one JSON object per line, as sample-orders.jsonl.
        var input = Path.Combine(_directory, "orders.jsonl");
        await File.WriteAllLinesAsync(
            input,
            Enumerable
                .Range(0, Total)
                .Select(n => SampleOrders.Create(n))
                .Select(o =>
                    $"{{\"order_id\":\"{o.OrderId}\",\"customer_id\":{o.CustomerId},\"quantity\":{o.Quantity},\"unit_price\":{o.UnitPrice.ToString(System.Globalization.CultureInfo.InvariantCulture)}}}"
                )
        );
        var overrides = new Dictionary<string, string?> { ["file"] = input };
#elif (httpSource)
        // A real HTTP server on 127.0.0.1 lists the orders in pages, as your API would.
        await using var api = await SampleOrdersApi.StartAsync(Total);
        var overrides = new Dictionary<string, string?>
        {
            ["url"] = api.Address + "/orders?after=${offset}",
            // Listings every 100 ms: the test sees later ones start after the last order.
            ["request.interval.ms"] = "100",
        };
#else
        // The table the source copies, in a SQLite file of the test's own.
        var database = Path.Combine(_directory, "shop.db");
        Assert.True(await SampleOrdersTable.CreateAsync(database, Total, CancellationToken.None));
        var overrides = new Dictionary<string, string?> { ["connection.url"] = "jdbc:sqlite:" + database };
#endif
        // The spec's values, with the input and the cluster changed for the test.
        var values = new Dictionary<string, string?>(OrdersBuiltInConfig.SpecValues)
        {
            ["bootstrap.servers"] = kafka.BootstrapServers,
        };
        foreach (var (key, value) in overrides)
        {
            values[key] = value;
        }
        var worker = new OrdersBuiltInWorker(OrdersBuiltInConfig.Parse(values), environment);
#endif

#if (httpSource)
        // Every order, then two more listings (each past the end, were the offset kept) to show
        // that no order comes twice: Total / PageSize pages, then at least two more requests.
        await RunUntilAsync(
            worker,
            () =>
                worker.RecordsProcessed >= Total
                && api.Requests >= Total / SampleOrdersApi.PageSize + 2
        );
        Assert.Equal(Total, worker.RecordsProcessed);
#else
        await RunUntilAsync(worker, () => worker.RecordsProcessed >= Total);
#endif

        var ids = ReadOrderIds(kafka.BootstrapServers, Topic, Total);
        Assert.Equal(ExpectedIds(Total), ids.Order(StringComparer.Ordinal));
#if (fileSource)
        // The spec's transforms: OrderTotalHeader (OrderTotalHeader.cs) put each order's total in a header.
        var totals = OrderTotalHeaderTests.ReadTotals(
            kafka.BootstrapServers,
            Topic,
            Total,
            Deadline
        );
        Assert.Equal(
            Enumerable
                .Range(0, Total)
                .Select(n => ("order-" + n, (string?)OrderTotalHeaderTests.ExpectedTotal(n))),
            totals.Select(t => (t.Key, t.Value)).OrderBy(t => int.Parse(t.Key["order-".Length..]))
        );
#endif
#if (httpSource)
        // Once each: the topic holds exactly Total records (a replayed page would add more).
        Assert.Equal(Total, RecordsInTopic(kafka.BootstrapServers, Topic, partitions: 2));
#endif
    }
#if (httpSource)

    private static long RecordsInTopic(string bootstrapServers, string topic, int partitions)
    {
        using var consumer = new ConsumerBuilder<byte[]?, byte[]?>(
            new ConsumerConfig { BootstrapServers = bootstrapServers, GroupId = "tests-count" }
        ).Build();
        return Enumerable
            .Range(0, partitions)
            .Sum(p =>
                consumer
                    .QueryWatermarkOffsets(
                        new TopicPartition(topic, new Partition(p)),
                        TimeSpan.FromSeconds(10)
                    )
                    .High.Value
            );
    }
#endif

    private static List<string> ReadOrderIds(string bootstrapServers, string topic, int expected)
    {
        using var consumer = new ConsumerBuilder<byte[]?, byte[]?>(
            new ConsumerConfig
            {
                BootstrapServers = bootstrapServers,
                GroupId = "tests-" + Guid.NewGuid().ToString("N"),
                AutoOffsetReset = AutoOffsetReset.Earliest,
            }
        ).Build();
        consumer.Subscribe(topic);
        var values = SampleOrders.ValueConverter();
        var ids = new List<string>();
        var started = DateTime.UtcNow;
        while (ids.Count < expected && DateTime.UtcNow - started < Deadline)
        {
            var result = consumer.Consume(TimeSpan.FromMilliseconds(200));
            if (result?.Message is { } message)
            {
                ids.Add(values.ToConnectData(topic, message.Value)!.OrderId);
            }
        }
        consumer.Close();
        return ids;
    }
#else
    [Fact]
#if (sqlSink)
    public async Task Sink_WritesEveryOrder_ToTheTable()
#elif (httpSink)
    public async Task Sink_WritesEveryOrder_ToTheEndpoint()
#elif (esSink)
    public async Task Sink_WritesEveryOrder_ToTheIndex()
#elif (redisSink)
    public async Task Sink_WritesEveryOrder_AsARedisHash()
#else
    public async Task Sink_WritesEveryOrder_ToTheFile()
#endif
    {
        const int Total = 30;
        using var kafka = EmbeddedKafka.Start(brokerCount: 1, initialRebalanceDelay: TimeSpan.Zero);
        kafka.CreateTopic("orders", partitions: 2);
        await SampleOrdersFeeder.ProduceAsync(
            kafka.BootstrapServers,
            Total,
            CancellationToken.None
        );
        using var environment = new ConnectorEnvironment();
#if (sink)
        var output = Path.Combine(_directory, "orders.out");
        var worker = new OrdersSinkWorker(
            OrdersSinkConfig.Parse(
                new Dictionary<string, string?>
                {
                    ["bootstrap.servers"] = kafka.BootstrapServers,
                    ["orders.output.file"] = output,
                }
            ),
            environment
        );
#else
#if (fileSink)
        var output = Path.Combine(_directory, "orders.jsonl");
        var overrides = new Dictionary<string, string?> { ["file"] = output };
#elif (sqlSink)
        var database = Path.Combine(_directory, "orders.db");
        var overrides = new Dictionary<string, string?>
        {
            ["connection.url"] = "jdbc:sqlite:" + database,
        };
#elif (redisSink)
        // A real redis-server on a free port of 127.0.0.1, started for this test.
        using var redis = LocalRedisServer.Start();
        var overrides = new Dictionary<string, string?> { ["redis.uri"] = redis.Uri };
#elif (httpSink)
        // A real HTTP server on 127.0.0.1 stands in for the webhook.
        var received = new List<string>();
        await using var endpoint = await StartEndpointAsync(app =>
            app.MapPost(
                "/orders",
                async (HttpRequest request) =>
                {
                    var body = await JsonNode.ParseAsync(request.Body);
                    lock (received)
                    {
                        // batch.max.size > 1: an array of orders; 1: one order.
                        foreach (var order in body is JsonArray array ? [.. array] : new[] { body })
                        {
                            received.Add((string)order!["order_id"]!);
                        }
                    }
                    return Results.Ok();
                }
            )
        );
        var overrides = new Dictionary<string, string?>
        {
            ["http.api.url"] = EndpointUrl(endpoint) + "/orders",
        };
#else
        // A real HTTP server on 127.0.0.1 answers as Elasticsearch's bulk API does.
        var indexed = new List<string>();
        await using var endpoint = await StartEndpointAsync(app =>
        {
            // No index yet: the sink creates it (PUT) with a mapping from the record schema.
            app.MapMethods("/{index}", ["HEAD"], () => Results.NotFound());
            app.MapPut("/{index}", () => Results.Json(new JsonObject { ["acknowledged"] = true }));
            app.MapPost(
                "/_bulk",
                async (HttpRequest request) =>
                {
                    using var reader = new StreamReader(request.Body);
                    var lines = (await reader.ReadToEndAsync()).Split(
                        '\n',
                        StringSplitOptions.RemoveEmptyEntries
                    );
                    var items = new JsonArray();
                    // NDJSON: an action line ({"index": {"_index", "_id"}}), then the document.
                    for (var i = 0; i + 1 < lines.Length; i += 2)
                    {
                        var action = JsonNode.Parse(lines[i])!["index"]!;
                        var document = JsonNode.Parse(lines[i + 1])!;
                        lock (indexed)
                        {
                            indexed.Add((string)document["order_id"]!);
                        }
                        items.Add(
                            new JsonObject
                            {
                                ["index"] = new JsonObject
                                {
                                    ["_index"] = (string)action["_index"]!,
                                    ["_id"] = (string?)action["_id"],
                                    ["status"] = 201,
                                },
                            }
                        );
                    }
                    return Results.Json(new JsonObject { ["errors"] = false, ["items"] = items });
                }
            );
        });
        var overrides = new Dictionary<string, string?>
        {
            ["connection.url"] = EndpointUrl(endpoint),
        };
#endif
        // The spec's values, with the output and the cluster changed for the test.
        var values = new Dictionary<string, string?>(OrdersBuiltInConfig.SpecValues)
        {
            ["bootstrap.servers"] = kafka.BootstrapServers,
        };
        foreach (var (key, value) in overrides)
        {
            values[key] = value;
        }
        var worker = new OrdersBuiltInWorker(OrdersBuiltInConfig.Parse(values), environment);
#endif

        await RunUntilAsync(worker, () => worker.RecordsProcessed >= Total);

#if (sink)
        // "orders/{partition}@{offset} order-N ...", as OrdersSink writes them.
        var ids = (await File.ReadAllLinesAsync(output)).Select(l => l.Split(' ')[1]);
#elif (fileSink)
        // One JSON object per line, as the file sink writes them.
        var ids = (await File.ReadAllLinesAsync(output)).Select(l =>
            System.Text.Json.JsonDocument.Parse(l).RootElement.GetProperty("order_id").GetString()!
        );
#elif (sqlSink)
        // One row per order in the table named after the topic (table.name.format=${topic}).
        var ids = new List<string>();
        await using (var connection = new SqliteConnection("Data Source=" + database))
        {
            await connection.OpenAsync();
            await using var select = connection.CreateCommand();
            select.CommandText = "SELECT order_id FROM orders";
            await using var rows = await select.ExecuteReaderAsync();
            while (await rows.ReadAsync())
            {
                ids.Add(rows.GetString(0));
            }
        }
#elif (redisSink)
        // redis.command=HSET: one hash per order, named redis.key:record key (orders:order-N),
        // one hash field per field of the order (the null note left out).
        await using var connection = await ConnectionMultiplexer.ConnectAsync(
            $"127.0.0.1:{redis.Port},abortConnect=false"
        );
        var database = connection.GetDatabase();
        var ids = new List<string>();
        for (var n = 0; n < Total; n++)
        {
            var order = SampleOrders.Create(n);
            var hash = (await database.HashGetAllAsync("orders:" + order.OrderId)).ToDictionary(
                e => e.Name.ToString(),
                e => e.Value.ToString()
            );
            if (hash.TryGetValue("order_id", out var id))
            {
                var culture = System.Globalization.CultureInfo.InvariantCulture;
                Assert.Equal(order.CustomerId.ToString(culture), hash["customer_id"]);
                Assert.Equal(order.Quantity.ToString(culture), hash["quantity"]);
                Assert.Equal(order.UnitPrice.ToString(culture), hash["unit_price"]);
                Assert.False(hash.ContainsKey("note"));
                ids.Add(id);
            }
        }
#elif (httpSink)
        List<string> ids;
        lock (received)
        {
            ids = [.. received];
        }
#else
        List<string> ids;
        lock (indexed)
        {
            ids = [.. indexed];
        }
#endif
        Assert.Equal(ExpectedIds(Total), ids.Order(StringComparer.Ordinal));
    }
#if (httpSink || esSink)

    private static async Task<WebApplication> StartEndpointAsync(Action<WebApplication> map)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        map(app);
        await app.StartAsync();
        return app;
    }

    private static string EndpointUrl(WebApplication app) =>
        app
            .Services.GetRequiredService<IServer>()
            .Features.Get<IServerAddressesFeature>()!
            .Addresses.First();
#endif
#endif

    private static IOrderedEnumerable<string> ExpectedIds(int total) =>
        Enumerable.Range(0, total).Select(n => "order-" + n).Order(StringComparer.Ordinal);

    private static async Task RunUntilAsync(IConnectorWorker worker, Func<bool> done)
    {
        using var stop = new CancellationTokenSource();
        var run = worker.RunAsync(stop.Token);
        var started = DateTime.UtcNow;
        while (!done() && !run.IsCompleted && DateTime.UtcNow - started < Deadline)
        {
            await Task.Delay(100);
        }
        await stop.CancelAsync();
        await run;
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
