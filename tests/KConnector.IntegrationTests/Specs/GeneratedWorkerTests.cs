using System.Text.Json;
using KConnector.Configuration;
using KConnector.Connectors;
using KConnector.Hosting;
using KConnector.Kafka;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace KConnector.IntegrationTests.Specs;

/// <summary>
/// Workers the generator wrote, run on the embedded cluster: an attribute source feeding the spec's
/// built-in JSON-lines file sink, an attribute sink, and the DI registrations in a real host.
/// </summary>
public sealed class GeneratedWorkerTests : IDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);
    private readonly string _directory = Directory
        .CreateTempSubdirectory("kconnector-specs-")
        .FullName;

    [Fact]
    public async Task AttributeSource_ToSpecFileSink_EveryOrderArrivesInTheFileOnce()
    {
        const int Total = 2_000;
        using var kafka = EmbeddedKafka.Start(brokerCount: 3, initialRebalanceDelay: TimeSpan.Zero);
        kafka.CreateTopic("spec-orders", partitions: 4);
        using var environment = new ConnectorEnvironment();
        var output = Path.Combine(_directory, "orders.jsonl");
        var source = new OrdersSourceWorker(
            OrdersSourceConfig.Parse(
                new Dictionary<string, string?>
                {
                    ["bootstrap.servers"] = kafka.BootstrapServers,
                    ["orders.topic"] = "spec-orders",
                    ["orders.count"] = Total.ToString(
                        System.Globalization.CultureInfo.InvariantCulture
                    ),
                    ["value.converter.schema.registry.url"] = "mock://spec-tests",
                }
            ),
            environment
        );
        var values = new Dictionary<string, string?>(SpecOrdersFileSinkConfig.SpecValues)
        {
            ["bootstrap.servers"] = kafka.BootstrapServers,
            ["file"] = output,
        };
        var sink = new SpecOrdersFileSinkWorker(
            SpecOrdersFileSinkConfig.Parse(values),
            environment
        );

        await WorkerRuns.RunUntilAsync([source, sink], () => sink.RecordsProcessed >= Total);

        Assert.Equal(Total, source.RecordsProcessed);
        var lines = await File.ReadAllLinesAsync(output);
        var sequences = lines
            .Select(l => JsonDocument.Parse(l).RootElement.GetProperty("sequence").GetInt64())
            .Order()
            .ToList();
        Assert.Equal(Enumerable.Range(0, Total).Select(i => (long)i), sequences);
        var one = JsonDocument.Parse(lines[0]).RootElement;
        Assert.StartsWith(
            "order-",
            one.GetProperty("order_id").GetString(),
            StringComparison.Ordinal
        );
    }

    [Fact]
    public async Task AttributeSink_ReceivesEveryValue_WithItsConfiguredPrefix()
    {
        using var kafka = EmbeddedKafka.Start(brokerCount: 1, initialRebalanceDelay: TimeSpan.Zero);
        kafka.CreateTopic("spec-greetings", partitions: 2);
        using (
            var producer = new Confluent.Kafka.ProducerBuilder<string, string>(
                new Confluent.Kafka.ProducerConfig { BootstrapServers = kafka.BootstrapServers }
            ).Build()
        )
        {
            for (var i = 0; i < 50; i++)
            {
                producer.Produce("spec-greetings", new() { Key = "k" + i, Value = "hello " + i });
            }
            producer.Flush(TimeSpan.FromSeconds(30));
        }
        GreetingsSink.Received.Clear();
        using var environment = new ConnectorEnvironment();
        var sink = new GreetingsSinkWorker(
            GreetingsSinkConfig.Parse(
                new Dictionary<string, string?>
                {
                    ["bootstrap.servers"] = kafka.BootstrapServers,
                    ["greetings.prefix"] = "seen:",
                }
            ),
            environment
        );

        await WorkerRuns.RunUntilAsync([sink], () => sink.RecordsProcessed >= 50);

        Assert.Equal(
            Enumerable.Range(0, 50).Select(i => "seen:hello " + i).Order(StringComparer.Ordinal),
            GreetingsSink.Received.Order(StringComparer.Ordinal)
        );
    }

    [Fact]
    public async Task SpecsNamingAttributeClasses_RunTheirOwnConfiguredInstances()
    {
        using var kafka = EmbeddedKafka.Start(brokerCount: 1, initialRebalanceDelay: TimeSpan.Zero);
        kafka.CreateTopic("spec-generated-orders", partitions: 2);
        kafka.CreateTopic("spec-greetings-2", partitions: 1);
        using var environment = new ConnectorEnvironment();
        // orders-generator.connector.json configures the OrdersSource class: 500 orders to its topic.
        var source = new OrdersGeneratorWorker(
            OrdersGeneratorConfig.Parse(
                new Dictionary<string, string?>(OrdersGeneratorConfig.SpecValues)
                {
                    ["bootstrap.servers"] = kafka.BootstrapServers,
                }
            ),
            environment
        );
        using (
            var producer = new Confluent.Kafka.ProducerBuilder<string, string>(
                new Confluent.Kafka.ProducerConfig { BootstrapServers = kafka.BootstrapServers }
            ).Build()
        )
        {
            producer.Produce("spec-greetings-2", new() { Key = "k", Value = "from spec" });
            producer.Flush(TimeSpan.FromSeconds(30));
        }
        GreetingsSink.Received.Clear();
        var sink = new SpecGreetingsWorker(
            SpecGreetingsConfig.Parse(
                new Dictionary<string, string?>(SpecGreetingsConfig.SpecValues)
                {
                    ["bootstrap.servers"] = kafka.BootstrapServers,
                }
            ),
            environment
        );

        await WorkerRuns.RunUntilAsync(
            [source, sink],
            () => source.RecordsProcessed >= 500 && sink.RecordsProcessed >= 1
        );

        Assert.Equal(500, source.RecordsProcessed);
        Assert.Equal("orders-generator", source.Name);
        Assert.Equal(["spec:from spec"], GreetingsSink.Received);
        Assert.Equal(
            "KConnector.IntegrationTests.Specs.OrdersSource",
            OrdersGeneratorConfig.Definition.ConnectorClass
        );
    }

    [Fact]
    public async Task WithoutBootstrapServers_WorkersShareOneEmbeddedCluster_AndSaySoInTheLog()
    {
        const int Total = 200;
        var logger = new CapturingLogger();
        using var environment = new ConnectorEnvironment(logger);
        var output = Path.Combine(_directory, "embedded.jsonl");
        var source = new OrdersSourceWorker(
            OrdersSourceConfig.Parse(
                new Dictionary<string, string?>
                {
                    ["orders.topic"] = "spec-embedded-orders",
                    ["orders.count"] = "200",
                }
            ),
            environment
        );
        var sink = new SpecOrdersFileSinkWorker(
            SpecOrdersFileSinkConfig.Parse(
                new Dictionary<string, string?>(SpecOrdersFileSinkConfig.SpecValues)
                {
                    ["topics"] = "spec-embedded-orders",
                    ["file"] = output,
                    // The source registered the schema in the default scope; the sink must read it there.
                    ["value.converter.schema.registry.url"] = "",
                }
            ),
            environment
        );

        await WorkerRuns.RunUntilAsync([source, sink], () => sink.RecordsProcessed >= Total);

        Assert.Equal(Total, File.ReadAllLines(output).Length);
        Assert.Single(
            logger.Lines,
            l => l.Contains("EMBEDDED Kafka cluster", StringComparison.Ordinal)
        );
    }

    [Fact]
    public async Task Host_RunsTheRegisteredConnectors_WithTheFileTakenFromTheEnvironment()
    {
        const int Total = 300;
        using var kafka = EmbeddedKafka.Start(brokerCount: 1, initialRebalanceDelay: TimeSpan.Zero);
        kafka.CreateTopic("spec-orders", partitions: 2);
        var output = Path.Combine(_directory, "hosted.jsonl");
        // The spec says "file": "${env:KCONNECTOR_SPEC_ORDERS_FILE}", resolved when the worker starts.
        Environment.SetEnvironmentVariable("KCONNECTOR_SPEC_ORDERS_FILE", output);
        try
        {
            var builder = Host.CreateApplicationBuilder();
            builder.Configuration.AddInMemoryCollection(
                new Dictionary<string, string?>
                {
                    ["Source:bootstrap.servers"] = kafka.BootstrapServers,
                    ["Source:orders.topic"] = "spec-orders",
                    ["Source:orders.count"] = "300",
                    ["Source:value.converter.schema.registry.url"] = "mock://spec-tests",
                    ["Sink:bootstrap.servers"] = kafka.BootstrapServers,
                }
            );
            builder.Services.AddOrdersSourceConnector(builder.Configuration.GetSection("Source"));
            builder.Services.AddSpecOrdersFileSinkConnector(
                builder.Configuration.GetSection("Sink")
            );
            using var host = builder.Build();
            await host.StartAsync();
            // Both connectors run on the host's one worker.
            var controller = host.Services.GetRequiredService<IConnectorController>();
            var started = DateTime.UtcNow;
            while (
                controller.GetTasks("spec-orders-file-sink").Sum(t => t.RecordsProcessed) < Total
                && DateTime.UtcNow - started < Deadline
            )
            {
                await Task.Delay(100);
            }
            await host.StopAsync();

            Assert.Equal(["spec-orders-source", "spec-orders-file-sink"], controller.Connectors);
            Assert.Single(host.Services.GetServices<IHostedService>());
            Assert.Equal(Total, File.ReadAllLines(output).Length);
        }
        finally
        {
            Environment.SetEnvironmentVariable("KCONNECTOR_SPEC_ORDERS_FILE", null);
        }
    }

    [Fact]
    public async Task Host_WithInvalidConfig_FailsToStart_NamingEveryBadKey()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddSpecOrdersFileSinkConnector(values =>
        {
            values["tasks.max"] = "two";
            values["errors.tolerance"] = "some";
            values["file"] = "${env:KCONNECTOR_SPEC_NOT_SET_ANYWHERE}";
        });
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<ConfigValidationException>(() => host.StartAsync());

        Assert.Equal(
            ["errors.tolerance", "file", "tasks.max"],
            error.Issues.Select(i => i.Key).Order(StringComparer.Ordinal)
        );
        Assert.Contains(
            "KCONNECTOR_SPEC_NOT_SET_ANYWHERE is not set",
            error.Message,
            StringComparison.Ordinal
        );
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
