using System.Diagnostics;
using System.Text;
using KConnector.Avro;
using KConnector.Converters;
using KConnector.Throughput.Records;

namespace KConnector.Throughput;

/// <summary>
/// The sink pipeline's job written by hand on Confluent.Kafka, as an application without the
/// framework would: the same consumer settings, each record's string key decoded, its value's
/// Confluent wire-format header checked and its Avro payload decoded with the project's generated
/// codec into a <see cref="Payload"/> (what the sink task is handed), the value touched as the
/// counting sink task touches it, the offsets committed once at the end. The raw consumer decodes
/// nothing: the sink pipeline's ratio to this loop is what the framework itself costs.
/// </summary>
internal sealed class HandWrittenSink(string bootstrapServers, HarnessSettings settings)
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(5);

    /// <summary>The sum of the values' sequences the last run read (so the decoding is not dead code).</summary>
    public long Checksum { get; private set; }

    public TimeSpan Run(string topic)
    {
        using var consumer = HarnessSettings.NewConsumer(bootstrapServers, "hand");
        var clock = Stopwatch.StartNew();
        consumer.Subscribe(topic);
        long count = 0;
        long checksum = 0;
        while (count < settings.Records)
        {
            if (consumer.Consume(TimeSpan.FromMilliseconds(100)) is { IsPartitionEOF: false } read)
            {
                var key = Encoding.UTF8.GetString(read.Message.Key);
                checksum += Decode(topic, read.Message.Value).Sequence + key.Length;
                count++;
            }
            if (clock.Elapsed > Limit)
            {
                throw new TimeoutException("The hand-written sink did not finish.");
            }
        }
        consumer.Commit();
        var elapsed = clock.Elapsed;
        consumer.Close();
        Checksum = checksum;
        return elapsed;
    }

    // The writer's schema is the reader's (one producer, one schema): no resolution, as an
    // application reading its own topic would assume.
    private static Payload Decode(string topic, byte[] value)
    {
        ConfluentWireFormat.ReadSchemaId(topic, value);
        var reader = new AvroReader(value.AsSpan(ConfluentWireFormat.HeaderLength));
        var payload = Payload.Decode(ref reader);
        reader.ExpectEnd(nameof(Payload));
        return payload;
    }
}
