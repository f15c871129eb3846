using System.Globalization;
using Confluent.Kafka;
using KConnector.Connectors;
using KConnector.Converters;
using KConnector.Kafka;

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

#if (source)
    [Fact]
    public async Task Source_WritesEveryOrder_ToTheTopic()
    {
        const int Total = 50;
        using var kafka = EmbeddedKafka.Start(brokerCount: 1, initialRebalanceDelay: TimeSpan.Zero);
        kafka.CreateTopic("orders", partitions: 2);
        using var environment = new ConnectorEnvironment();
        var worker = new OrdersSourceWorker(
            OrdersSourceConfig.Parse(
                new Dictionary<string, string?>
                {
                    ["bootstrap.servers"] = kafka.BootstrapServers,
                    ["orders.count"] = Total.ToString(CultureInfo.InvariantCulture),
                }
            ),
            environment
        );

        await RunUntilAsync(worker, () => worker.RecordsProcessed >= Total);

        var ids = ReadValues(kafka.BootstrapServers, Total);
        Assert.Equal(
            Enumerable.Range(0, Total).Select(n => "order-" + n).Order(StringComparer.Ordinal),
            ids.Order(StringComparer.Ordinal)
        );
    }

    private static List<string> ReadValues(string bootstrapServers, int expected)
    {
        using var consumer = new ConsumerBuilder<byte[]?, byte[]?>(
            new ConsumerConfig
            {
                BootstrapServers = bootstrapServers,
                GroupId = "tests-" + Guid.NewGuid().ToString("N"),
                AutoOffsetReset = AutoOffsetReset.Earliest,
            }
        ).Build();
        consumer.Subscribe("orders");
#if (avro)
        var values = new AvroConverter<Order>(
            new KConnector.SchemaRegistry.MockSchemaRegistryClient(
                ConnectorEnvironment.DefaultRegistryScope
            ),
            isKey: false
        );
#else
        var values = new StringConverter();
#endif
        var ids = new List<string>();
        var started = DateTime.UtcNow;
        while (ids.Count < expected && DateTime.UtcNow - started < Deadline)
        {
            var result = consumer.Consume(TimeSpan.FromMilliseconds(200));
            if (result?.Message is { } message)
            {
#if (avro)
                ids.Add(values.ToConnectData("orders", message.Value)!.OrderId);
#else
                ids.Add(values.ToConnectData("orders", message.Value)!.Split(' ')[0]);
#endif
            }
        }
        consumer.Close();
        return ids;
    }
#else
    [Fact]
    public async Task Sink_WritesEveryOrder_ToTheFile()
    {
        const int Total = 30;
        using var kafka = EmbeddedKafka.Start(brokerCount: 1, initialRebalanceDelay: TimeSpan.Zero);
        kafka.CreateTopic("orders", partitions: 2);
        await ProduceAsync(kafka.BootstrapServers, Total);
        var output = Path.Combine(_directory, "orders.out");
        using var environment = new ConnectorEnvironment();
#if (sink)
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
        // The spec's values, with the file and the cluster changed for the test.
        var values = new Dictionary<string, string?>(OrdersFileSinkConfig.SpecValues)
        {
            ["bootstrap.servers"] = kafka.BootstrapServers,
            ["file"] = output,
        };
        var worker = new OrdersFileSinkWorker(OrdersFileSinkConfig.Parse(values), environment);
#endif

        await RunUntilAsync(worker, () => worker.RecordsProcessed >= Total);

        var lines = await File.ReadAllLinesAsync(output);
#if (fileSink)
        // One JSON object per line, as the file sink writes them.
        var ids = lines.Select(l =>
            System.Text.Json.JsonDocument.Parse(l).RootElement.GetProperty("order_id").GetString()
        );
#else
        // "orders/{partition}@{offset} order-N ...", as OrdersSink writes them.
        var ids = lines.Select(l => l.Split(' ')[1]);
#endif
        Assert.Equal(
            Enumerable.Range(0, Total).Select(n => "order-" + n).Order(StringComparer.Ordinal),
            ids.Order(StringComparer.Ordinal)
        );
    }

    private static async Task ProduceAsync(string bootstrapServers, int total)
    {
        using var producer = new ProducerBuilder<byte[]?, byte[]?>(
            new ProducerConfig { BootstrapServers = bootstrapServers }
        ).Build();
        var keys = new StringConverter();
#if (avro)
        var values = new AvroConverter<Order>(
            new KConnector.SchemaRegistry.MockSchemaRegistryClient(
                ConnectorEnvironment.DefaultRegistryScope
            ),
            isKey: false
        );
#else
        var values = new StringConverter();
#endif
        for (var n = 0; n < total; n++)
        {
            var id = "order-" + n.ToString(CultureInfo.InvariantCulture);
#if (avro)
            var value = new Order
            {
                OrderId = id,
                CustomerId = 1 + n,
                Quantity = 1,
                UnitPrice = 1.5,
            };
#else
            var value = id + " for customer 1";
#endif
            await producer.ProduceAsync(
                "orders",
                new Message<byte[]?, byte[]?>
                {
                    Key = keys.FromConnectData("orders", id),
                    Value = values.FromConnectData("orders", value),
                }
            );
        }
    }
#endif

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
