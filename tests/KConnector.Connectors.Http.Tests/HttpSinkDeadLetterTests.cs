using System.Text;
using Confluent.Kafka;
using KConnector.Connectors.Http.Configuration;
using KConnector.Connectors.Http.Sink;
using KConnector.Connectors.Http.Tests.Records;
using KConnector.Converters;
using KConnector.Errors;
using KConnector.Kafka;
using KConnector.SchemaRegistry;
using KConnector.Worker;
using Microsoft.AspNetCore.Http;

namespace KConnector.Connectors.Http.Tests;

/// <summary>
/// The HTTP sink inside the worker: records the webhook refuses one by one (HTTP 422) go to the
/// dead-letter queue under errors.tolerance=all, with Kafka Connect's context headers, while every
/// other record is delivered and the consumer group's offsets move past all of them.
/// </summary>
public sealed class HttpSinkDeadLetterTests
{
    private const string Topic = "webhook-events";
    private const string DeadLetters = "webhook-events-dlq";

    [Fact]
    public async Task RecordsTheWebhookRefuses_AreDeadLettered_TheRestDelivered()
    {
        await using var server = await KestrelEndpoint.StartAsync(
            async (context, request, _) =>
            {
                // One event per request (batch.max.size=1): ids divisible by 5 are refused.
                var refused = Enumerable
                    .Range(0, 40)
                    .Where(i => i % 5 == 0)
                    .Any(i => request.Body.Contains($"\"id\":{i},", StringComparison.Ordinal));
                if (refused)
                {
                    context.Response.StatusCode = 422;
                    await context.Response.WriteAsync("unknown customer");
                }
            }
        );
        using var kafka = EmbeddedKafka.Start(brokerCount: 1, initialRebalanceDelay: TimeSpan.Zero);
        kafka.CreateTopic(Topic, partitions: 2);
        kafka.CreateTopic(DeadLetters, partitions: 1);
        var scope = Guid.NewGuid().ToString("N");
        var writer = new AvroConverter<Event>(new MockSchemaRegistryClient(scope), isKey: false);
        using (
            var producer = new ProducerBuilder<string, byte[]>(
                new ProducerConfig { BootstrapServers = kafka.BootstrapServers }
            ).Build()
        )
        {
            for (var i = 0; i < 40; i++)
            {
                var bytes = writer.FromConnectData(Topic, new Event { Id = i, Name = "e" + i });
                producer.Produce(
                    Topic,
                    new Message<string, byte[]> { Key = "k" + i, Value = bytes! }
                );
            }
            producer.Flush(TimeSpan.FromSeconds(30));
        }
        using var sink = new HttpSinkTask<string, Event>(
            HttpSinkOptions.Parse(
                new Dictionary<string, string?>
                {
                    ["http.api.url"] = server.Url + "/hook",
                    ["batch.max.size"] = "1",
                }
            )
        );
        var runner = new SinkTaskRunner<string, Event>(
            new WorkerOptions
            {
                Name = "webhook",
                BootstrapServers = kafka.BootstrapServers,
                Topics = [Topic],
                Errors = new ErrorHandlingOptions
                {
                    Tolerance = ErrorTolerance.All,
                    DeadLetterQueueTopicName = DeadLetters,
                    DeadLetterQueueTopicReplicationFactor = 1,
                    DeadLetterQueueContextHeadersEnable = true,
                },
            },
            sink,
            new StringConverter(),
            new AvroConverter<Event>(new MockSchemaRegistryClient(scope), isKey: false)
        );

        using var stop = new CancellationTokenSource();
        var run = runner.RunAsync(stop.Token);
        var deadLettered = await Task.Run(() => Read(kafka, DeadLetters, expected: 8));
        var committed = await Task.Run(() => WaitForCommittedEnd(kafka));
        await stop.CancelAsync();
        await run;

        Assert.Equal(8, deadLettered.Count);
        var refusedKeys = deadLettered
            .Select(m => Encoding.UTF8.GetString(m.Key))
            .Order(StringComparer.Ordinal);
        Assert.Equal(
            Enumerable
                .Range(0, 40)
                .Where(i => i % 5 == 0)
                .Select(i => "k" + i)
                .Order(StringComparer.Ordinal),
            refusedKeys
        );
        Assert.All(
            deadLettered,
            m => Assert.Equal("TASK_PUT", Header(m, DeadLetterQueueHeaders.Stage))
        );
        Assert.All(
            deadLettered,
            m =>
                Assert.Contains(
                    "HTTP 422: unknown customer",
                    Header(m, DeadLetterQueueHeaders.ExceptionMessage),
                    StringComparison.Ordinal
                )
        );
        // Every event was sent once: the 32 accepted ones and the 8 refused ones; none twice.
        Assert.Equal(40, server.Requests.Count);
        // The group's offsets moved past every record, refused ones included (they are in the DLQ).
        Assert.True(
            committed,
            "the connector's group did not commit to the end of both partitions"
        );
    }

    private static bool WaitForCommittedEnd(EmbeddedKafka kafka)
    {
        using var consumer = new ConsumerBuilder<Ignore, Ignore>(
            new ConsumerConfig
            {
                BootstrapServers = kafka.BootstrapServers,
                GroupId = "connect-webhook",
            }
        ).Build();
        var partitions = new[] { new TopicPartition(Topic, 0), new TopicPartition(Topic, 1) };
        var high = partitions
            .Select(p => consumer.QueryWatermarkOffsets(p, TimeSpan.FromSeconds(10)).High.Value)
            .ToList();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            var committed = consumer
                .Committed(partitions, TimeSpan.FromSeconds(10))
                .Select(c => c.Offset.Value)
                .ToList();
            if (committed.SequenceEqual(high))
            {
                return true;
            }
            Thread.Sleep(200);
        }
        return false;
    }

    private static List<Message<byte[], byte[]>> Read(
        EmbeddedKafka kafka,
        string topic,
        int expected
    )
    {
        using var consumer = new ConsumerBuilder<byte[], byte[]>(
            new ConsumerConfig
            {
                BootstrapServers = kafka.BootstrapServers,
                GroupId = "reader-" + Guid.NewGuid().ToString("N"),
                AutoOffsetReset = AutoOffsetReset.Earliest,
            }
        ).Build();
        consumer.Subscribe(topic);
        var messages = new List<Message<byte[], byte[]>>();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (messages.Count < expected && DateTime.UtcNow < deadline)
        {
            if (
                consumer.Consume(TimeSpan.FromMilliseconds(200)) is { IsPartitionEOF: false } result
            )
            {
                messages.Add(result.Message);
            }
        }
        consumer.Close();
        return messages;
    }

    private static string? Header(Message<byte[], byte[]> message, string name) =>
        message.Headers.TryGetLastBytes(name, out var bytes)
            ? Encoding.UTF8.GetString(bytes)
            : null;
}
