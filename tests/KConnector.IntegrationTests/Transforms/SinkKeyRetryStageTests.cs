using System.Text;
using Confluent.Kafka;
using KConnector.Converters;
using KConnector.Errors;
using KConnector.IntegrationTests.Reliability;
using KConnector.IntegrationTests.Specs;
using KConnector.Kafka;
using KConnector.Transforms;
using KConnector.Transforms.Compiled;
using KConnector.Worker;

namespace KConnector.IntegrationTests.Transforms;

/// <summary>
/// A sink record whose key fails to convert (retriably) and whose value's compiled chain then
/// fails is dead-lettered at stage TRANSFORMATION naming the transformation, as the same value
/// failing on its own is: the stage of the value's failure is that of the failure itself, not of
/// the key's retry path (session 8 reported it at VALUE_CONVERTER).
/// </summary>
public sealed class SinkKeyRetryStageTests
{
    private const string Topic = "key-retry";
    private const string DeadLetters = "key-retry-dlq";

    [Fact]
    public async Task KeyRetriedThenValueChainFails_DeadLetteredAtTransformation()
    {
        using var kafka = EmbeddedKafka.Start(brokerCount: 1, initialRebalanceDelay: TimeSpan.Zero);
        kafka.CreateTopic(Topic, partitions: 1);
        kafka.CreateTopic(DeadLetters, partitions: 1);
        using (
            var producer = new ProducerBuilder<string, string>(
                new ProducerConfig { BootstrapServers = kafka.BootstrapServers }
            ).Build()
        )
        {
            // k2's key fails once (retriably); k2 and k3 carry a value the chain cannot cast.
            foreach (
                var (key, value) in new[] { ("k1", "1"), ("k2", "x"), ("k3", "y"), ("k4", "4") }
            )
            {
                producer.Produce(Topic, new Message<string, string> { Key = key, Value = value });
            }
            producer.Flush(TimeSpan.FromSeconds(30));
        }
        var sink = new CollectingSinkTask();
        var runner = new SinkTaskRunner<string, string>(
            new WorkerOptions
            {
                Name = "key-retry",
                BootstrapServers = kafka.BootstrapServers,
                Topics = [Topic],
                OffsetFlushInterval = TimeSpan.FromMilliseconds(300),
                Errors = new ErrorHandlingOptions
                {
                    Tolerance = ErrorTolerance.All,
                    RetryTimeout = TimeSpan.FromSeconds(30),
                    RetryDelayMax = TimeSpan.FromMilliseconds(100),
                    DeadLetterQueueTopicName = DeadLetters,
                    DeadLetterQueueTopicReplicationFactor = 1,
                    DeadLetterQueueContextHeadersEnable = true,
                },
            },
            sink,
            new FailingOnceKeyConverter("k2"),
            new CastingValueConverter()
        );

        using var stop = new CancellationTokenSource();
        var run = runner.RunAsync(stop.Token);
        await TopicReader.WaitUntilAsync(
            () => sink.DurableCount >= 2 && Count(kafka) >= 2,
            TimeSpan.FromSeconds(60),
            "two records delivered and two dead-lettered",
            run
        );
        await stop.CancelAsync();
        await run;

        var dead = TopicReader.ReadAll(kafka.BootstrapServers, DeadLetters, WorkerRuns.Deadline);
        Assert.Equal(["k2", "k3"], dead.Select(r => Encoding.UTF8.GetString(r.Message.Key!)));
        foreach (var record in dead)
        {
            var headers = record.Message.Headers.ToDictionary(
                h => h.Key,
                h => Encoding.UTF8.GetString(h.GetValueBytes())
            );
            Assert.Equal("TRANSFORMATION", headers[DeadLetterQueueHeaders.Stage]);
            Assert.Equal(
                "KConnector.Transforms.CastValue",
                headers[DeadLetterQueueHeaders.ClassName]
            );
        }
        Assert.Equal(["1", "4"], sink.Durable);
    }

    private static int Count(EmbeddedKafka kafka)
    {
        using var consumer = new ConsumerBuilder<Ignore, Ignore>(
            new ConsumerConfig { BootstrapServers = kafka.BootstrapServers, GroupId = "counter" }
        ).Build();
        return (int)
            consumer
                .QueryWatermarkOffsets(new TopicPartition(DeadLetters, 0), TimeSpan.FromSeconds(10))
                .High.Value;
    }

    /// <summary>A string key converter that fails retriably the first time it reads one key.</summary>
    private sealed class FailingOnceKeyConverter(string key) : IConverter<string>
    {
        private readonly StringConverter _inner = new();
        private bool _failed;

        public byte[]? FromConnectData(string topic, string? value) =>
            _inner.FromConnectData(topic, value);

        public string? ToConnectData(string topic, byte[]? data)
        {
            var read = _inner.ToConnectData(topic, data);
            if (read == key && !_failed)
            {
                _failed = true;
                throw new RetriableException("the key's schema is not reachable yet");
            }
            return read;
        }
    }

    /// <summary>A value converter with a compiled Cast in it: a value that is no number fails the chain.</summary>
    private sealed class CastingValueConverter : IConverter<string>
    {
        private readonly StringConverter _inner = new();

        public byte[]? FromConnectData(string topic, string? value) =>
            _inner.FromConnectData(topic, value);

        public string? ToConnectData(string topic, byte[]? data)
        {
            var read = _inner.ToConnectData(topic, data);
            return int.TryParse(read, out _)
                ? read
                : throw new CompiledTransformationException(
                    typeof(CastValue),
                    new FormatException($"Cast to int32 failed: For input string: \"{read}\"")
                );
        }
    }
}
