using System.Globalization;
using System.Text;
using KConnector.Connectors.File.Source;
using KConnector.Connectors.Shapes;
using KConnector.Converters;
using KConnector.Errors;
using KConnector.IntegrationTests.Events;
using KConnector.IntegrationTests.Specs;
using KConnector.Kafka;
using KConnector.Offsets;
using KConnector.SchemaRegistry;
using KConnector.Worker;

namespace KConnector.IntegrationTests.Reliability;

/// <summary>
/// The file source's malformed lines through the worker (SourceRecord.Unreadable, stage
/// TASK_POLL), over a standalone offsets file: under errors.tolerance=all every good line reaches
/// the topic once and every malformed line the dead-letter queue once, and a restart re-sends
/// nothing; under none the task fails at the first malformed line, the lines before it are
/// delivered and committed, and a restart after the line is fixed resumes at that line.
/// </summary>
public sealed class FileSourceDeadLetterTests : IDisposable
{
    private const string Topic = "events";
    private const string DeadLetters = "events-dlq";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);
    private readonly string _dir = Directory
        .CreateTempSubdirectory("kconnector-file-dlq-")
        .FullName;
    private readonly string _scope = Guid.NewGuid().ToString("N");

    // One malformed line of each kind: not JSON, a field of the wrong type, a required field
    // missing, a required field null, a number too large for its field, not an object.
    private static readonly string[] Malformed =
    [
        """{"id":"e-bad-1","sequence":5,"amount":""",
        """{"id":"e-bad-2","sequence":"five","amount":1.0,"flagged":false}""",
        """{"id":"e-bad-3","sequence":6,"flagged":true}""",
        """{"id":"e-bad-4","sequence":7,"amount":null,"flagged":true}""",
        """{"id":"e-bad-5","sequence":99999999999999999999,"amount":1.0,"flagged":true}""",
        """["e-bad-6",8,1.0,true]""",
    ];

    private string DataFile => Path.Combine(_dir, "events.jsonl");

    private string OffsetsFile => Path.Combine(_dir, "offsets.json");

    [Fact]
    public async Task ToleranceAll_GoodLinesOnceInTheTopic_MalformedLinesOnceInTheQueue_RestartResendsNothing()
    {
        using var kafka = EmbeddedKafka.Start(brokerCount: 1, initialRebalanceDelay: TimeSpan.Zero);
        kafka.CreateTopic(Topic, partitions: 1);
        // As the worker would on a real cluster (the embedded one cannot create topics through the
        // admin API, and its auto-created topics have 4 partitions): one partition keeps file order.
        kafka.CreateTopic(DeadLetters, partitions: 1);
        // 120 good lines with the malformed ones spread among them, the last line malformed.
        var lines = new List<(string Text, bool Good, long Start)>();
        var position = 0L;
        for (var i = 0; i < 120; i++)
        {
            if (i % 20 == 10)
            {
                Add(Malformed[i / 20], good: false);
            }
            Add(Good(i), good: true);
        }
        Add("not json at all", good: false);
        await File.WriteAllTextAsync(DataFile, string.Concat(lines.Select(l => l.Text + "\n")));
        var logger = new CapturingLogger();
        var bad = lines.Where(l => !l.Good).ToList();

        var first = Runner(kafka, ErrorTolerance.All, logger);
        using (var stop = new CancellationTokenSource())
        {
            var run = first.RunAsync(stop.Token);
            await TopicReader.WaitUntilAsync(
                () => first.RecordsAcknowledged >= 120 && first.Metrics.TotalRecordsSkipped >= 7,
                Wait,
                "every good line produced and every malformed one dead-lettered",
                run
            );
            await stop.CancelAsync();
            await run;
        }

        Assert.Equal(
            Enumerable.Range(0, 120).Select(i => (long)i),
            ReadSequences(kafka.BootstrapServers)
        );
        var dead = TopicReader.ReadAll(kafka.BootstrapServers, DeadLetters, Wait);
        Assert.Equal(
            bad.Select(b => b.Text),
            dead.Select(d => Encoding.UTF8.GetString(d.Message.Value!))
        );
        for (var i = 0; i < dead.Count; i++)
        {
            var headers = dead[i]
                .Message.Headers.ToDictionary(
                    h => h.Key,
                    h => Encoding.UTF8.GetString(h.GetValueBytes())
                );
            Assert.Null(dead[i].Message.Key);
            Assert.Equal("TASK_POLL", headers["__connect.errors.stage"]);
            Assert.Equal("events-file-source", headers["__connect.errors.connector.name"]);
            Assert.Equal("0", headers["__connect.errors.task.id"]);
            Assert.Equal(
                "KConnector.Connectors.File.Source.FileSourceTask<KConnector.IntegrationTests.Events.SequencedEvent>",
                headers["__connect.errors.class.name"]
            );
            Assert.Equal(
                "KConnector.Converters.DataException",
                headers["__connect.errors.exception.class.name"]
            );
            Assert.StartsWith(
                $"file source: {DataFile}, line at byte {bad[i].Start.ToString(CultureInfo.InvariantCulture)}: ",
                headers["__connect.errors.exception.message"],
                StringComparison.Ordinal
            );
            Assert.Contains(
                "FileSourceTask",
                headers["__connect.errors.exception.stacktrace"],
                StringComparison.Ordinal
            );
            Assert.Equal(
                $$"""{"position":"{{(bad[i].Start + bad[i].Text.Length + 1).ToString(CultureInfo.InvariantCulture)}}"}""",
                headers["__kconnector.errors.source.offset"]
            );
            // A source record was never consumed: no topic, partition or offset headers.
            Assert.False(headers.ContainsKey("__connect.errors.topic"));
        }
        Assert.Equal(7, first.Metrics.TotalRecordsSkipped);
        Assert.Equal(7, first.Metrics.TotalRecordErrors);
        Assert.Equal(7, first.Metrics.DeadLetterQueueProduceRequests);
        Assert.Equal(127, first.RecordsPolled);
        // errors.log.enable with errors.log.include.messages: the raw line is in the log.
        Assert.Equal(
            7,
            logger.Lines.Count(l =>
                l.StartsWith(
                    "Error encountered in task events-file-source-0. Executing stage 'TASK_POLL'",
                    StringComparison.Ordinal
                )
            )
        );
        Assert.Contains(
            logger.Lines,
            l => l.Contains("value=not json at all", StringComparison.Ordinal)
        );

        // Restart over the same offsets: nothing is read again; a line appended since is.
        await File.AppendAllTextAsync(DataFile, Good(120) + "\n");
        var second = Runner(kafka, ErrorTolerance.All, logger);
        using (var stop = new CancellationTokenSource())
        {
            var run = second.RunAsync(stop.Token);
            await TopicReader.WaitUntilAsync(
                () => second.RecordsAcknowledged >= 1,
                Wait,
                "the appended line",
                run
            );
            await stop.CancelAsync();
            await run;
        }
        Assert.Equal(1, second.RecordsPolled);
        Assert.Equal(0, second.Metrics.TotalRecordsSkipped);
        Assert.Equal(
            Enumerable.Range(0, 121).Select(i => (long)i),
            ReadSequences(kafka.BootstrapServers)
        );
        Assert.Equal(7, TopicReader.ReadAll(kafka.BootstrapServers, DeadLetters, Wait).Count);

        void Add(string text, bool good)
        {
            lines.Add((text, good, position));
            position += Encoding.UTF8.GetByteCount(text) + 1;
        }
    }

    [Fact]
    public async Task ToleranceNone_FailsNamingFileAndPosition_DeliversTheLinesBefore_AndResumesAtTheFixedLine()
    {
        using var kafka = EmbeddedKafka.Start(brokerCount: 1, initialRebalanceDelay: TimeSpan.Zero);
        kafka.CreateTopic(Topic, partitions: 1);
        var before = string.Concat(Enumerable.Range(0, 50).Select(i => Good(i) + "\n"));
        var after = string.Concat(Enumerable.Range(51, 49).Select(i => Good(i) + "\n"));
        await File.WriteAllTextAsync(DataFile, before + Malformed[1] + "\n" + after);

        var first = Runner(kafka, ErrorTolerance.None, new CapturingLogger());
        using (var stop = new CancellationTokenSource(Wait))
        {
            var error = await Assert.ThrowsAsync<ConnectException>(() =>
                first.RunAsync(stop.Token)
            );
            Assert.Equal(Stage.TASK_POLL, error.Stage);
            Assert.Contains(
                $"file source: {DataFile}, line at byte {before.Length.ToString(CultureInfo.InvariantCulture)}: field 'sequence' (long)",
                error.Message,
                StringComparison.Ordinal
            );
            Assert.IsType<DataException>(error.InnerException);
        }
        Assert.Equal(TaskState.FAILED, first.State);
        Assert.Equal(
            Enumerable.Range(0, 50).Select(i => (long)i),
            ReadSequences(kafka.BootstrapServers)
        );
        // The committed position is the start of the malformed line.
        using (var offsets = System.Text.Json.JsonDocument.Parse(File.ReadAllBytes(OffsetsFile)))
        {
            Assert.Equal(
                $$"""{"position":"{{before.Length.ToString(CultureInfo.InvariantCulture)}}"}""",
                Assert.Single(offsets.RootElement.EnumerateObject()).Value.GetString()
            );
        }

        // The operator fixes the line; the restarted task resumes at it.
        await File.WriteAllTextAsync(DataFile, before + Good(50) + "\n" + after);
        var second = Runner(kafka, ErrorTolerance.None, new CapturingLogger());
        using (var stop = new CancellationTokenSource())
        {
            var run = second.RunAsync(stop.Token);
            await TopicReader.WaitUntilAsync(
                () => second.RecordsAcknowledged >= 50,
                Wait,
                "the fixed line and the ones after it",
                run
            );
            await stop.CancelAsync();
            await run;
        }
        Assert.Equal(50, second.RecordsPolled);
        Assert.Equal(
            Enumerable.Range(0, 100).Select(i => (long)i),
            ReadSequences(kafka.BootstrapServers)
        );
    }

    private SourceTaskRunner<string, SequencedEvent> Runner(
        EmbeddedKafka kafka,
        ErrorTolerance tolerance,
        CapturingLogger logger
    ) =>
        new(
            new WorkerOptions
            {
                Name = "events-file-source",
                BootstrapServers = kafka.BootstrapServers,
                OffsetStore = new FileOffsetBackingStore(OffsetsFile),
                Errors = new ErrorHandlingOptions
                {
                    Tolerance = tolerance,
                    LogEnable = true,
                    LogIncludeMessages = true,
                    DeadLetterQueueTopicName = tolerance == ErrorTolerance.All ? DeadLetters : null,
                    DeadLetterQueueTopicReplicationFactor = 1,
                    DeadLetterQueueContextHeadersEnable = true,
                },
            },
            new FileSourceTask<SequencedEvent>(
                FileSourceOptions.Parse(
                    new Dictionary<string, string?>
                    {
                        ["file"] = DataFile,
                        ["topic"] = Topic,
                        ["poll.interval.ms"] = "10",
                        ["batch.size"] = "40",
                    }
                ),
                new AvroRecordAccessor<SequencedEvent>()
            ),
            new StringConverter(),
            new AvroConverter<SequencedEvent>(new MockSchemaRegistryClient(_scope), isKey: false),
            logger
        );

    private List<long> ReadSequences(string bootstrapServers)
    {
        var converter = new AvroConverter<SequencedEvent>(
            new MockSchemaRegistryClient(_scope),
            isKey: false
        );
        return TopicReader
            .ReadAll(bootstrapServers, Topic, Wait)
            .Select(r => converter.ToConnectData(Topic, r.Message.Value)!.Sequence)
            .ToList();
    }

    private static string Good(int i) =>
        $$"""{"id":"e-{{i.ToString(CultureInfo.InvariantCulture)}}","sequence":{{i.ToString(CultureInfo.InvariantCulture)}},"amount":{{(i * 1.25).ToString(CultureInfo.InvariantCulture)}},"flagged":{{(i % 2 == 0 ? "true" : "false")}}}""";

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
