using KConnector.Converters;
using KConnector.Errors;
using KConnector.IntegrationTests.Events;
using KConnector.Kafka;
using KConnector.Testing.SchemaRegistry;
using KConnector.Worker;

namespace KConnector.IntegrationTests.Reliability;

/// <summary>
/// Issue 20: the Schema Registry's outage outlasts errors.dependency.timeout.ms. The task fails
/// (not the record): its error names the key and the registry's URL without the credentials the
/// URL carries, nothing reaches the dead-letter queue under errors.tolerance=all, and no record is
/// sent past the one that waited.
/// </summary>
public sealed class RegistryOutageTimeoutTests
{
    private const string Topic = "outage-timeout";
    private const string DeadLetters = "outage-timeout-dlq";

    [Fact]
    public async Task RegistryAwayLongerThanTheDependencyTimeout_FailsTheTask_NothingDeadLettered()
    {
        using var kafka = EmbeddedKafka.Start(brokerCount: 1, initialRebalanceDelay: TimeSpan.Zero);
        kafka.CreateTopic(Topic, partitions: 1);
        kafka.CreateTopic(DeadLetters, partitions: 1);
        await using var registry = await SchemaRegistryTestServer.StartAsync();
        var url = new Uri(registry.Url);
        await registry.StopAsync();
        var task = new ReleasedSourceTask(_ => Topic);
        var runner = new SourceTaskRunner<string, SequencedEvent>(
            new WorkerOptions
            {
                Name = "outage-timeout",
                BootstrapServers = kafka.BootstrapServers,
                Errors = new ErrorHandlingOptions
                {
                    Tolerance = ErrorTolerance.All,
                    RetryDelayMax = TimeSpan.FromMilliseconds(300),
                    DependencyTimeout = TimeSpan.FromSeconds(3),
                    DeadLetterQueueTopicName = DeadLetters,
                    DeadLetterQueueTopicReplicationFactor = 1,
                },
            },
            task,
            new StringConverter(),
            ConverterFactory.FromWorkerConfig(
                new Dictionary<string, string>
                {
                    ["value.converter"] = "io.confluent.connect.avro.AvroConverter",
                    ["value.converter.schema.registry.url"] =
                        $"http://alice:s3cret@{url.Authority}",
                    ["value.converter.schema.registry.max.retries"] = "0",
                },
                isKey: false,
                ConverterFormats.AvroRecord<SequencedEvent>()
            )
        );
        task.Release(3);
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));

        var error = await Assert.ThrowsAsync<ConnectException>(() =>
            runner.RunAsync(deadline.Token)
        );

        Assert.False(deadline.IsCancellationRequested, "the task did not fail within 60 s");
        Assert.Equal(Stage.VALUE_CONVERTER, error.Stage);
        Assert.Contains(
            "the Schema Registry could not be reached for 3 s (errors.dependency.timeout.ms)",
            error.Message,
            StringComparison.Ordinal
        );
        Assert.Contains(
            $"http://[hidden]@{url.Authority}/",
            error.Message,
            StringComparison.Ordinal
        );
        Assert.DoesNotContain("s3cret", error.ToString(), StringComparison.Ordinal);
        Assert.Equal(0, runner.RecordsAcknowledged);
        Assert.Equal(0, runner.Metrics.TotalRecordErrors);
        Assert.Empty(
            TopicReader.ReadAll(kafka.BootstrapServers, DeadLetters, TimeSpan.FromSeconds(5))
        );
        Assert.Empty(TopicReader.ReadAll(kafka.BootstrapServers, Topic, TimeSpan.FromSeconds(5)));
    }
}
