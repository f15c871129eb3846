using System.Text;
using System.Text.Json;
using Confluent.Kafka;
using KConnector.Kafka;

namespace KConnector.Cli.Tests;

/// <summary>
/// Settings meant for another converter through <c>kconnector run</c> (docs/converters.md): a spec
/// written for the AvroConverter, with its Schema Registry settings, switched to the JsonConverter at
/// run time, runs as Kafka Connect runs it (the JsonConverter ignores the Avro settings), while a
/// setting no converter has is refused before anything starts, with its did-you-mean.
/// </summary>
public sealed class ConverterSwitchRunTests : IDisposable
{
    private const string Topic = "cli-switched";
    private readonly SpecFolder _folder = new();

    [Fact]
    public async Task ASpecForAvro_SwitchedToJsonAtRunTime_IgnoresTheAvroSettings()
    {
        using var kafka = EmbeddedKafka.Start(brokerCount: 1, initialRebalanceDelay: TimeSpan.Zero);
        kafka.CreateTopic(Topic, partitions: 1);
        var input = _folder.File("orders.jsonl");
        StandaloneSpecs.AppendOrders(input, 0, 3);

        var run = await CliRun.InvokeAsync(
            "run",
            Spec(input),
            "--set",
            "bootstrap.servers=" + kafka.BootstrapServers,
            "--set",
            "offset.storage.file.filename=" + _folder.File("switched.offsets"),
            "--set",
            "value.converter=JsonConverter",
            "--set",
            "value.converter.schemas.enable=false",
            "--max-records",
            "3",
            "--progress-interval",
            "0"
        );

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(["order-0", "order-1", "order-2"], StandaloneSpecs.OrderIds(Values(kafka, 3)));
    }

    [Fact]
    public async Task ASettingNoConverterHas_ExitsOne_WithItsDidYouMean()
    {
        var input = _folder.File("orders.jsonl");
        StandaloneSpecs.AppendOrders(input, 0, 1);

        var run = await CliRun.InvokeAsync(
            "run",
            Spec(input),
            "--set",
            "value.converter=JsonConverter",
            "--set",
            "value.converter.schemas.enabled=false",
            "--duration",
            "30"
        );

        run.AssertRefusedBeforeRunning(
            "value.converter.schemas.enabled",
            "Did you mean \"value.converter.schemas.enable\"?"
        );
    }

    // Written for Confluent's AvroConverter: auto.register.schemas and use.latest.version are its
    // settings (not framework keys), which the JsonConverter does not define.
    private string Spec(string input) =>
        _folder.Write(
            "switched.connector.json",
            $$"""
            {
              "name": "cli-switched-source",
              "config": {
                "connector.class": "FileStreamSource",
                "file": {{JsonSerializer.Serialize(input)}},
                "format": "json",
                "topic": "{{Topic}}",
                "poll.interval.ms": 50,
                "key.converter": "org.apache.kafka.connect.storage.StringConverter",
                "value.converter": "io.confluent.connect.avro.AvroConverter",
                "value.converter.schema.registry.url": "mock://cli-switched",
                "value.converter.auto.register.schemas": true,
                "value.converter.use.latest.version": false,
                "value.schema": "order.avsc"
              }
            }
            """
        );

    private static List<string> Values(EmbeddedKafka kafka, int count)
    {
        using var consumer = new ConsumerBuilder<Ignore, byte[]>(
            new ConsumerConfig
            {
                BootstrapServers = kafka.BootstrapServers,
                GroupId = "switched-" + Guid.NewGuid().ToString("N"),
                EnableAutoCommit = false,
            }
        ).Build();
        consumer.Assign(new TopicPartitionOffset(Topic, 0, Offset.Beginning));
        var values = new List<string>();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (values.Count < count && DateTime.UtcNow < deadline)
        {
            if (consumer.Consume(TimeSpan.FromMilliseconds(200)) is { IsPartitionEOF: false } r)
            {
                values.Add(Encoding.UTF8.GetString(r.Message.Value));
            }
        }
        Assert.Equal(count, values.Count);
        return values;
    }

    public void Dispose() => _folder.Dispose();
}
