using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Confluent.Kafka;
using KConnector.Avro;
using KConnector.Converters;
using KConnector.Throughput.Records;

namespace KConnector.Throughput;

/// <summary>
/// The source pipeline's job written by hand on Confluent.Kafka, as an application without the
/// framework would: the same records (a <see cref="Payload"/> per record, its source's string key),
/// Avro-encoded with the project's generated codec in Confluent's wire format, produced to the same
/// partitions with the worker's client settings, and each delivery report tracked to know, per
/// source partition, the last record that may be committed (what the pipeline's source offsets
/// are). The pipeline's ratio to this loop is what the framework itself costs; its ratio to the
/// raw producer (pre-encoded bytes, no delivery handler) stays the target.
/// </summary>
internal sealed class HandWrittenSource(
    string bootstrapServers,
    HarnessSettings settings,
    Loops loops
)
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(5);

    public TimeSpan Run(string topic)
    {
        var sources = Enumerable
            .Range(0, settings.Partitions)
            .Select(p => "p" + p.ToString(CultureInfo.InvariantCulture))
            .ToArray();
        // The schema is registered once, as an application does at start, through the same
        // (mock) registry scope the pipeline's converter uses.
        var schemaId = SchemaId(topic, sources[0]);
        var destinations = Enumerable
            .Range(0, settings.Partitions)
            .Select(p => new TopicPartition(topic, p))
            .ToArray();
        var committed = new Committable(settings.Partitions);
        var config = new ProducerConfig(new Dictionary<string, string>(HarnessSettings.Producer))
        {
            BootstrapServers = bootstrapServers,
            EnableIdempotence = true,
            Acks = Acks.All,
            // Partition, offset and error come with every report; nothing else is read.
            DeliveryReportFields = "none",
        };
        using var producer = new ProducerBuilder<byte[], byte[]>(config).Build();
        Action<DeliveryReport<byte[], byte[]>> delivered = committed.Acknowledge;
        var buffer = new ArrayBufferWriter<byte>(settings.RecordBytes + 32);
        var inFlight = new InFlightSampler(committed.InFlight);
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < settings.Records; i++)
        {
            var partition = i % settings.Partitions;
            var source = sources[partition];
            var payload = new Payload
            {
                Sequence = i,
                Source = source,
                Body = loops.Body,
            };
            buffer.ResetWrittenCount();
            ConfluentWireFormat.WriteHeader(buffer, schemaId);
            var writer = new AvroWriter(buffer);
            Payload.Encode(ref writer, payload);
            committed.Submit(partition, i);
            BlockingProduce.Produce(
                producer,
                destinations[partition],
                new Message<byte[], byte[]>
                {
                    Key = Encoding.UTF8.GetBytes(source),
                    Value = buffer.WrittenSpan.ToArray(),
                },
                delivered
            );
        }
        var flushed = producer.Flush(Limit) == 0;
        var elapsed = clock.Elapsed;
        inFlight.Dispose();
        LastInFlight = inFlight;
        if (!flushed)
        {
            throw new TimeoutException("The hand-written source did not finish.");
        }
        committed.Check(settings.Records);
        return elapsed;
    }

    /// <summary>Records the last run held sent and not yet acknowledged.</summary>
    public InFlightSampler? LastInFlight { get; private set; }

    private int SchemaId(string topic, string source) =>
        ConfluentWireFormat.ReadSchemaId(
            topic,
            loops
                .NewConverter()
                .FromConnectData(
                    topic,
                    new Payload
                    {
                        Sequence = 0,
                        Source = source,
                        Body = loops.Body,
                    }
                )
        );

    /// <summary>
    /// Per source partition, the sequences sent and not yet acknowledged in send order, and the
    /// last acknowledged: with an idempotent producer a partition's reports arrive in send order,
    /// so each report acknowledges its partition's oldest sequence.
    /// </summary>
    private sealed class Committable(int partitions)
    {
        private readonly Queue<long>[] _pending = Enumerable
            .Range(0, partitions)
            .Select(_ => new Queue<long>())
            .ToArray();
        private readonly long[] _last = Enumerable.Repeat(-1L, partitions).ToArray();
        private long _failed;
        private long _submitted;
        private long _acknowledged;

        public long InFlight() =>
            Interlocked.Read(ref _submitted) - Interlocked.Read(ref _acknowledged);

        public void Submit(int partition, long sequence)
        {
            var pending = _pending[partition];
            lock (pending)
            {
                pending.Enqueue(sequence);
            }
            Interlocked.Increment(ref _submitted);
        }

        // On the producer's delivery thread.
        public void Acknowledge(DeliveryReport<byte[], byte[]> report)
        {
            var partition = report.Partition.Value;
            var pending = _pending[partition];
            Interlocked.Increment(ref _acknowledged);
            lock (pending)
            {
                var sequence = pending.Dequeue();
                if (report.Error.IsError)
                {
                    Interlocked.Increment(ref _failed);
                    return;
                }
                _last[partition] = sequence;
            }
        }

        // Every record acknowledged, each partition's last one committable.
        public void Check(int records)
        {
            if (Interlocked.Read(ref _failed) != 0)
            {
                throw new InvalidOperationException(
                    $"The hand-written source had {_failed} failed deliveries."
                );
            }
            for (var partition = 0; partition < _pending.Length; partition++)
            {
                var last = records - 1 - ((records - 1 - partition) % _pending.Length);
                if (_pending[partition].Count != 0 || _last[partition] != last)
                {
                    throw new InvalidOperationException(
                        $"Partition {partition}: committable {_last[partition]}, expected {last}."
                    );
                }
            }
        }
    }
}
