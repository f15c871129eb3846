using KConnector.Converters;
using KConnector.Errors;
using KConnector.IntegrationTests.Events;
using KConnector.IntegrationTests.Specs;
using KConnector.Kafka;
using KConnector.Testing.SchemaRegistry;
using KConnector.Worker;

namespace KConnector.IntegrationTests.Reliability;

/// <summary>
/// Issue 20, item 2: the Schema Registry goes away mid-run under <c>errors.tolerance=all</c> (the
/// quickstart's setting). A record whose subject must be registered while it is away is not the
/// record's fault: the task keeps it, says (once) what it waits for, and sends it when the registry
/// is back. Every record arrives, in order, and nothing reaches the dead-letter queue.
/// </summary>
public sealed class RegistryOutageTests
{
    private const string Before = "outage-before";
    private const string During = "outage-during";
    private const string DeadLetters = "outage-dlq";
    private const int FirstRecords = 10;
    private const int Total = 30;
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task RegistryStoppedThenRestarted_EveryRecordArrives_NoneDeadLettered_TheWaitIsSaidOnce()
    {
        using var kafka = EmbeddedKafka.Start(brokerCount: 1, initialRebalanceDelay: TimeSpan.Zero);
        kafka.CreateTopic(Before, partitions: 1);
        kafka.CreateTopic(During, partitions: 1);
        kafka.CreateTopic(DeadLetters, partitions: 1);
        await using var registry = await SchemaRegistryTestServer.StartAsync();
        // Records 0-9 go to a topic whose subject is registered while the registry is up; the
        // rest to a second topic, whose subject must be registered during the outage.
        var task = new ReleasedSourceTask(n => n < FirstRecords ? Before : During);
        var logger = new CapturingLogger();
        var runner = new SourceTaskRunner<string, SequencedEvent>(
            new WorkerOptions
            {
                Name = "outage",
                BootstrapServers = kafka.BootstrapServers,
                Errors = new ErrorHandlingOptions
                {
                    Tolerance = ErrorTolerance.All,
                    LogEnable = true,
                    RetryDelayMax = TimeSpan.FromMilliseconds(500),
                    DeadLetterQueueTopicName = DeadLetters,
                    DeadLetterQueueTopicReplicationFactor = 1,
                    DeadLetterQueueContextHeadersEnable = true,
                },
            },
            task,
            new StringConverter(),
            ConverterFactory.FromWorkerConfig(
                new Dictionary<string, string>
                {
                    ["value.converter"] = "io.confluent.connect.avro.AvroConverter",
                    ["value.converter.schema.registry.url"] = registry.Url,
                    ["value.converter.schema.registry.max.retries"] = "1",
                    ["value.converter.schema.registry.retries.wait.ms"] = "100",
                },
                isKey: false,
                ConverterFormats.AvroRecord<SequencedEvent>()
            ),
            logger
        );

        using var stop = new CancellationTokenSource();
        var run = runner.RunAsync(stop.Token);
        task.Release(FirstRecords);
        await TopicReader.WaitUntilAsync(
            () => runner.RecordsAcknowledged == FirstRecords,
            Wait,
            "the records sent before the outage",
            run
        );
        await registry.StopAsync();
        task.Release(Total);
        await TopicReader.WaitUntilAsync(
            () => runner.WaitingFor is not null,
            Wait,
            "the task to say it waits",
            run
        );
        // Long enough for Kafka Connect's handling (about 7 s of retries, then the DLQ) to have
        // dead-lettered the record and moved on.
        await Task.Delay(TimeSpan.FromSeconds(8));
        var waiting = runner.WaitingFor;
        var sentDuringOutage = runner.RecordsAcknowledged;
        await registry.RestartAsync();
        await TopicReader.WaitUntilAsync(
            () => runner.RecordsAcknowledged == Total,
            Wait,
            "every record after the registry came back",
            run
        );
        await stop.CancelAsync();
        await run;

        Assert.Equal(FirstRecords, sentDuringOutage);
        Assert.Contains("the Schema Registry", waiting, StringComparison.Ordinal);
        Assert.Contains("Connection refused", waiting, StringComparison.Ordinal);
        Assert.Null(runner.WaitingFor);
        Assert.Equal(0, runner.Metrics.TotalRecordErrors);
        Assert.Equal(0, runner.Metrics.DeadLetterQueueProduceRequests);
        Assert.Empty(TopicReader.ReadAll(kafka.BootstrapServers, DeadLetters, Wait));
        var reader = ReaderFor(registry.Url);
        var sequences = TopicReader
            .ReadAll(kafka.BootstrapServers, Before, Wait)
            .Concat(TopicReader.ReadAll(kafka.BootstrapServers, During, Wait))
            .Select(r => (long)reader.ToConnectData(r.Topic, r.Message.Value)!.Sequence);
        Assert.Equal(Enumerable.Range(0, Total).Select(n => (long)n), sequences);
        // Said once when the wait began (the reminder comes every 30 s) and once when it ended.
        Assert.Single(
            logger.Lines,
            l => l.Contains("is waiting for the Schema Registry", StringComparison.Ordinal)
        );
        Assert.Single(logger.Lines, l => l.Contains("resumed", StringComparison.Ordinal));
        Assert.DoesNotContain(
            logger.Lines,
            l => l.Contains("Error encountered", StringComparison.Ordinal)
        );
    }

    [Fact]
    public async Task RegistryRejectsTheSchema_TheDeadLetterCopyCarriesTheValue_AsAvroBinary_NamedInAHeader()
    {
        const int Rejected = 3;
        using var kafka = EmbeddedKafka.Start(brokerCount: 1, initialRebalanceDelay: TimeSpan.Zero);
        kafka.CreateTopic(During, partitions: 1);
        kafka.CreateTopic(DeadLetters, partitions: 1);
        await using var registry = await SchemaRegistryTestServer.StartAsync();
        // 422: the registry rejects the schema. The record's problem, not the registry's: dead-lettered.
        registry.FailNext(Rejected, 422);
        var task = new ReleasedSourceTask(_ => During);
        var runner = new SourceTaskRunner<string, SequencedEvent>(
            new WorkerOptions
            {
                Name = "rejected",
                BootstrapServers = kafka.BootstrapServers,
                Errors = new ErrorHandlingOptions
                {
                    Tolerance = ErrorTolerance.All,
                    DeadLetterQueueTopicName = DeadLetters,
                    DeadLetterQueueTopicReplicationFactor = 1,
                },
            },
            task,
            new StringConverter(),
            ReaderFor(registry.Url)
        );

        using var stop = new CancellationTokenSource();
        var run = runner.RunAsync(stop.Token);
        task.Release(Rejected + 2);
        await TopicReader.WaitUntilAsync(
            () => runner.RecordsAcknowledged == 2 && runner.Metrics.TotalRecordsSkipped == Rejected,
            Wait,
            "two records sent and three dead-lettered",
            run
        );
        await stop.CancelAsync();
        await run;

        var copies = TopicReader.ReadAll(kafka.BootstrapServers, DeadLetters, Wait);
        Assert.Equal(Rejected, copies.Count);
        for (var n = 0; n < Rejected; n++)
        {
            var message = copies[n].Message;
            Assert.Equal("key-" + n, System.Text.Encoding.UTF8.GetString(message.Key!));
            Assert.Equal(
                "avro-binary",
                System.Text.Encoding.UTF8.GetString(
                    message.Headers.GetLastBytes(DeadLetterQueueHeaders.ValueEncoding)
                )
            );
            var reader = new KConnector.Avro.AvroReader(message.Value);
            Assert.Equal(n, SequencedEvent.Decode(ref reader).Sequence);
        }
    }

    private static IConverter<SequencedEvent> ReaderFor(string url) =>
        ConverterFactory.FromWorkerConfig(
            new Dictionary<string, string>
            {
                ["value.converter"] = "io.confluent.connect.avro.AvroConverter",
                ["value.converter.schema.registry.url"] = url,
            },
            isKey: false,
            ConverterFormats.AvroRecord<SequencedEvent>()
        );
}
