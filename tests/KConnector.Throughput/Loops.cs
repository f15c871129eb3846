using System.Diagnostics;
using Confluent.Kafka;
using KConnector.Converters;
using KConnector.Kafka;
using KConnector.SchemaRegistry;
using KConnector.Throughput.Records;
using KConnector.Worker;

namespace KConnector.Throughput;

/// <summary>The four timed loops: raw producer, raw consumer, source pipeline, sink pipeline.</summary>
internal sealed class Loops(string bootstrapServers, HarnessSettings settings, string registryScope)
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(5);

    public string Body { get; } = new('x', Math.Max(0, settings.RecordBytes - 16));

    public AvroConverter<Payload> NewConverter() =>
        new(new MockSchemaRegistryClient(registryScope), isKey: false);

    /// <param name="topic">The topic to fill.</param>
    /// <param name="acknowledged">
    /// Whether the loop also learns of each acknowledgement through a delivery handler (one
    /// delegate for all messages), as any producer that must know what was delivered does: the
    /// client's own per-message cost of what the source pipeline needs for its offsets.
    /// </param>
    public TimeSpan RawProducer(string topic, bool acknowledged = false)
    {
        // The raw loop sends bytes already encoded: the baseline is the client alone.
        var value = NewConverter()
            .FromConnectData(
                topic,
                new Payload
                {
                    Sequence = 1,
                    Source = "p0",
                    Body = Body,
                }
            )!;
        var config = new ProducerConfig(new Dictionary<string, string>(HarnessSettings.Producer))
        {
            BootstrapServers = bootstrapServers,
            EnableIdempotence = true,
            Acks = Acks.All,
        };
        using var producer = new ProducerBuilder<byte[], byte[]>(config).Build();
        var keys = Enumerable
            .Range(0, settings.Partitions)
            .Select(p => System.Text.Encoding.UTF8.GetBytes("p" + p))
            .ToArray();
        long delivered = 0;
        Action<DeliveryReport<byte[], byte[]>>? handler = acknowledged
            ? report =>
            {
                if (!report.Error.IsError)
                {
                    Interlocked.Increment(ref delivered);
                }
            }
            : null;
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < settings.Records; i++)
        {
            var partition = i % settings.Partitions;
            BlockingProduce.Produce(
                producer,
                new TopicPartition(topic, partition),
                new Message<byte[], byte[]> { Key = keys[partition], Value = value },
                handler
            );
        }
        if (producer.Flush(Limit) != 0)
        {
            throw new TimeoutException("The raw producer did not finish.");
        }
        if (acknowledged && Interlocked.Read(ref delivered) != settings.Records)
        {
            throw new InvalidOperationException(
                $"The raw producer learnt of {delivered} deliveries of {settings.Records}."
            );
        }
        return clock.Elapsed;
    }

    public TimeSpan RawConsumer(string topic)
    {
        using var consumer = HarnessSettings.NewConsumer(bootstrapServers, "raw");
        var clock = Stopwatch.StartNew();
        consumer.Subscribe(topic);
        long count = 0;
        while (count < settings.Records)
        {
            if (consumer.Consume(TimeSpan.FromMilliseconds(100)) is { IsPartitionEOF: false })
            {
                count++;
            }
            if (clock.Elapsed > Limit)
            {
                throw new TimeoutException("The raw consumer did not finish.");
            }
        }
        var elapsed = clock.Elapsed;
        consumer.Close();
        return elapsed;
    }

    /// <param name="topic">The topic to fill.</param>
    /// <param name="compactOffsets">Whether the task hands each offset as a <see cref="KConnector.Records.SingleEntryOffset"/>, not a <see cref="Dictionary{TKey, TValue}"/>.</param>
    public async Task<TimeSpan> SourcePipeline(string topic, bool compactOffsets = false)
    {
        var task = new PayloadSourceTask(
            topic,
            settings.Records,
            settings.Partitions,
            Body,
            compactOffsets
        );
        var runner = new SourceTaskRunner<string, Payload>(
            new WorkerOptions
            {
                Name = "throughput-source-" + topic,
                BootstrapServers = bootstrapServers,
                ClientConfig = HarnessSettings.Producer,
                OffsetFlushInterval = TimeSpan.FromSeconds(60),
            },
            task,
            new StringConverter(),
            NewConverter()
        );
        using var stop = new CancellationTokenSource();
        var inFlight = new InFlightSampler(() => runner.RecordsPolled - runner.RecordsAcknowledged);
        var clock = Stopwatch.StartNew();
        var run = runner.RunAsync(stop.Token);
        while (runner.RecordsAcknowledged < settings.Records)
        {
            await Task.Delay(2);
            if (run.IsCompleted || clock.Elapsed > Limit)
            {
                inFlight.Dispose();
                await run;
                throw new TimeoutException("The source pipeline did not finish.");
            }
        }
        var elapsed = clock.Elapsed;
        inFlight.Dispose();
        await stop.CancelAsync();
        await run;
        LastSourceInFlight = inFlight;
        return elapsed;
    }

    /// <summary>Records the last source pipeline held polled and not yet acknowledged.</summary>
    public InFlightSampler? LastSourceInFlight { get; private set; }

    public async Task<TimeSpan> SinkPipeline(string topic)
    {
        var task = new CountingSinkTask(settings.Records);
        var runner = new SinkTaskRunner<string, Payload>(
            new WorkerOptions
            {
                Name = "throughput-sink-" + Guid.NewGuid().ToString("N"),
                BootstrapServers = bootstrapServers,
                Topics = [topic],
                ClientConfig = HarnessSettings.Consumer,
                OffsetFlushInterval = TimeSpan.FromSeconds(60),
            },
            task,
            new StringConverter(),
            NewConverter()
        );
        using var stop = new CancellationTokenSource();
        var clock = Stopwatch.StartNew();
        var run = runner.RunAsync(stop.Token);
        // Woken by the task itself when the last record is put: no watcher loop costs CPU meanwhile.
        var finished = await Task.WhenAny(task.Reached, run, Task.Delay(Limit));
        var elapsed = clock.Elapsed;
        if (finished != task.Reached)
        {
            await stop.CancelAsync();
            await run;
            throw new TimeoutException("The sink pipeline did not finish.");
        }
        await stop.CancelAsync();
        await run;
        return elapsed;
    }
}
