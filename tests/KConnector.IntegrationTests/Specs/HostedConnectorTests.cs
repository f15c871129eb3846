using System.Globalization;
using System.Text;
using Confluent.Kafka;
using KConnector.Configuration;
using KConnector.Hosting;
using KConnector.IntegrationTests.Reliability;
using KConnector.Kafka;
using KConnector.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace KConnector.IntegrationTests.Specs;

/// <summary>
/// Generated connectors registered with Add{Name}Connector run on the host's ConnectWorker: their
/// tasks.max tasks, their status and restart through IConnectorController.
/// </summary>
public sealed class HostedConnectorTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task AttributeSink_WithThreeTasks_SplitsSixPartitions_AndWritesEveryRecordOnce_AcrossARestart()
    {
        using var kafka = EmbeddedKafka.Start(brokerCount: 1, initialRebalanceDelay: TimeSpan.Zero);
        kafka.CreateTopic("spec-split", partitions: 6);
        SplitSink.Received.Clear();
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddSplitSinkConnector(values =>
        {
            values["bootstrap.servers"] = kafka.BootstrapServers;
            values["tasks.max"] = "3";
            values["offset.flush.interval.ms"] = "100";
            // The mock cluster waits a whole session timeout before rebalancing a group that
            // gains a member; Kafka's minimum keeps the test short.
            values["consumer.override.session.timeout.ms"] = "6000";
        });
        using var host = builder.Build();
        var controller = host.Services.GetRequiredService<IConnectorController>();

        await host.StartAsync();
        try
        {
            await UntilEachTaskOwnsTwoPartitions(controller);
            var status = controller.GetStatus("spec-split-sink");
            Assert.Equal(TaskState.RUNNING, status.State);
            Assert.Equal([0, 1, 2], status.Tasks.Select(t => t.Id));
            Assert.All(status.Tasks, t => Assert.Equal(TaskState.RUNNING, t.State));
            var owned = Runners(controller)
                .SelectMany(r => r.Assignment.Select(p => p.Partition.Value));
            Assert.Equal([0, 1, 2, 3, 4, 5], owned.Order());

            await ProduceAsync(kafka.BootstrapServers, from: 0, count: 600);
            await Until(() => SplitSink.Received.Count >= 600, "600 records in the sink");
            await Task.Delay(300);

            // Three task instances, each partition read by one of them, every record once.
            Assert.Equal(3, SplitSink.Received.Select(r => r.Task).Distinct().Count());
            Assert.All(
                SplitSink.Received.GroupBy(r => r.Partition),
                p => Assert.Single(p.Select(r => r.Task).Distinct())
            );
            AssertEveryValueOnce(600);

            var before = controller.GetTasks("spec-split-sink");
            await controller.RestartAsync("spec-split-sink", CancellationToken.None);
            Assert.DoesNotContain(controller.GetTasks("spec-split-sink"), before.Contains);
            await UntilEachTaskOwnsTwoPartitions(controller);
            await ProduceAsync(kafka.BootstrapServers, from: 600, count: 60);
            await Until(
                () => SplitSink.Received.Count >= 660,
                "the records sent after the restart"
            );
            await Task.Delay(300);

            // The restarted tasks resumed from the committed offsets: nothing read twice.
            AssertEveryValueOnce(660);
            Assert.Equal(TaskState.RUNNING, controller.GetStatus("spec-split-sink").State);
        }
        finally
        {
            await host.StopAsync();
        }
    }

    [Fact]
    public async Task AttributeSource_WithTwoTasks_EachTaskWritesItsShare_SeeingItsIdAndTheTaskCount()
    {
        using var kafka = EmbeddedKafka.Start(brokerCount: 1, initialRebalanceDelay: TimeSpan.Zero);
        kafka.CreateTopic("spec-split-source", partitions: 2);
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddSplitSourceConnector(values =>
        {
            values["bootstrap.servers"] = kafka.BootstrapServers;
            values["tasks.max"] = "2";
            values["split.topic"] = "spec-split-source";
            values["split.count"] = "200";
        });
        using var host = builder.Build();
        var controller = host.Services.GetRequiredService<IConnectorController>();

        await host.StartAsync();
        try
        {
            await Until(
                () => controller.GetTasks("spec-split-source").Sum(t => t.RecordsProcessed) >= 200,
                "200 records acknowledged"
            );
        }
        finally
        {
            await host.StopAsync();
        }

        var records = TopicReader.ReadAll(
            kafka.BootstrapServers,
            "spec-split-source",
            TimeSpan.FromSeconds(30)
        );
        var values = records
            .Select(r =>
                (
                    Task: Encoding.UTF8.GetString(r.Message.Key!),
                    Value: int.Parse(
                        Encoding.UTF8.GetString(r.Message.Value!),
                        CultureInfo.InvariantCulture
                    )
                )
            )
            .ToList();
        Assert.Equal(Enumerable.Range(0, 200), values.Select(v => v.Value).Order());
        Assert.All(
            values,
            v => Assert.Equal(v.Value % 2, int.Parse(v.Task, CultureInfo.InvariantCulture))
        );
    }

    [Fact]
    public async Task BuiltInFileSource_RunsOneTask_WhateverItsTasksMax_AndSaysSoOnce()
    {
        const int Total = 50;
        var file = Path.Combine(
            Path.GetTempPath(),
            "kconnector-lines-" + Guid.NewGuid().ToString("N") + ".jsonl"
        );
        await File.WriteAllLinesAsync(
            file,
            Enumerable
                .Range(0, Total)
                .Select(i =>
                    string.Create(
                        CultureInfo.InvariantCulture,
                        $$"""{"order_id": "o-{{i}}", "sequence": {{i}}, "amount": 1.5}"""
                    )
                )
        );
        using var kafka = EmbeddedKafka.Start(brokerCount: 1, initialRebalanceDelay: TimeSpan.Zero);
        kafka.CreateTopic("spec-orders-lines", partitions: 1);
        Environment.SetEnvironmentVariable("KCONNECTOR_SPEC_ORDERS_LINES", file);
        var logger = new CapturingLogger();
        try
        {
            var builder = Host.CreateApplicationBuilder();
            builder.Logging.AddProvider(logger);
            // orders-lines-source.connector.json says tasks.max=3.
            builder.Services.AddSpecOrdersLinesSourceConnector(values =>
                values["bootstrap.servers"] = kafka.BootstrapServers
            );
            using var host = builder.Build();
            var controller = host.Services.GetRequiredService<IConnectorController>();
            await host.StartAsync();
            try
            {
                await Until(
                    () =>
                        controller.GetTasks("spec-orders-lines-source").Sum(t => t.RecordsProcessed)
                        >= Total,
                    "every line acknowledged"
                );
                var task = Assert.Single(controller.GetStatus("spec-orders-lines-source").Tasks);
                Assert.Equal(0, task.Id);
                Assert.Equal(TaskState.RUNNING, task.State);
            }
            finally
            {
                await host.StopAsync();
            }
        }
        finally
        {
            Environment.SetEnvironmentVariable("KCONNECTOR_SPEC_ORDERS_LINES", null);
            File.Delete(file);
        }

        Assert.Equal(
            Total,
            TopicReader
                .ReadAll(kafka.BootstrapServers, "spec-orders-lines", TimeSpan.FromSeconds(30))
                .Count
        );
        Assert.Single(
            logger.Lines,
            l =>
                l.Contains("tasks.max=3", StringComparison.Ordinal)
                && l.Contains("cannot split its work", StringComparison.Ordinal)
        );
    }

    [Fact]
    public async Task Host_WithABadConverterSetting_FailsToStart_NamingItsFullKey()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddGreetingsSinkConnector(values =>
        {
            values["value.converter"] = "org.apache.kafka.connect.json.JsonConverter";
            values["value.converter.schemas.enable"] = "maybe";
            values["tasks.max"] = "0";
        });
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<ConfigValidationException>(() => host.StartAsync());

        Assert.Equal(
            ["tasks.max", "value.converter.schemas.enable"],
            error.Issues.Select(i => i.Key).Order(StringComparer.Ordinal)
        );
        Assert.Contains("'maybe'", error.Message, StringComparison.Ordinal);
    }

    private static IEnumerable<SinkTaskRunner<string, string>> Runners(
        IConnectorController controller
    ) => controller.GetTasks("spec-split-sink").Cast<SinkTaskRunner<string, string>>();

    private static Task UntilEachTaskOwnsTwoPartitions(IConnectorController controller) =>
        Until(
            () =>
                Runners(controller).Count() == 3
                && Runners(controller).All(r => r.Assignment.Count == 2),
            "two partitions per task"
        );

    private static void AssertEveryValueOnce(int total) =>
        Assert.Equal(
            Enumerable
                .Range(0, total)
                .Select(i => "v" + i.ToString(CultureInfo.InvariantCulture))
                .Order(StringComparer.Ordinal),
            SplitSink.Received.Select(r => r.Value).Order(StringComparer.Ordinal)
        );

    private static async Task ProduceAsync(string bootstrapServers, int from, int count)
    {
        using var producer = new ProducerBuilder<string, string>(
            new ProducerConfig { BootstrapServers = bootstrapServers }
        ).Build();
        for (var i = from; i < from + count; i++)
        {
            await producer.ProduceAsync(
                new TopicPartition("spec-split", i % 6),
                new Message<string, string>
                {
                    Key = "k" + i.ToString(CultureInfo.InvariantCulture),
                    Value = "v" + i.ToString(CultureInfo.InvariantCulture),
                }
            );
        }
    }

    private static async Task Until(Func<bool> condition, string what)
    {
        var started = DateTime.UtcNow;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow - started < Deadline, "Timed out waiting for " + what);
            await Task.Delay(100);
        }
    }
}
