using System.Buffers;
using System.Buffers.Binary;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Confluent.Kafka;

namespace KConnector.Testing.SpecRecords;

/// <summary>
/// Records written to a topic as Confluent's AvroConverter writes them, for a sink to consume on
/// the roads without the records' generated types: the schema registered in a real registry under
/// <c>{topic}-value</c>, each value framed with its id (magic byte 0, the id big-endian).
/// </summary>
public static class RegisteredTopic
{
    /// <summary>Writes one value's Avro body.</summary>
    public delegate void Body(IBufferWriter<byte> output);

    /// <summary>
    /// The timestamp <see cref="ProduceAsync"/> gives record i (a minute after record i - 1), in
    /// Unix milliseconds: the record's, which a delivery report of the mock cluster does not carry.
    /// </summary>
    public static long TimestampMs(int i) =>
        new DateTimeOffset(2024, 3, 1, 0, 0, 0, TimeSpan.Zero)
            .AddMinutes(i)
            .ToUnixTimeMilliseconds();

    /// <summary>
    /// Registers <paramref name="schemaPath"/> under <c>{topic}-value</c> and writes the
    /// <paramref name="bodies"/> without keys, record i to partition i % <paramref name="partitions"/>
    /// at <see cref="TimestampMs"/>; returns each one's delivery (its partition, offset and value
    /// bytes), in order.
    /// </summary>
    public static async Task<IReadOnlyList<DeliveryResult<Null, byte[]>>> ProduceAsync(
        string bootstrapServers,
        string registryUrl,
        string schemaPath,
        string topic,
        IReadOnlyList<Body> bodies,
        int partitions = 1
    )
    {
        var schemaId = await RegisterAsync(registryUrl, topic + "-value", schemaPath);
        using var producer = new ProducerBuilder<Null, byte[]>(
            new ProducerConfig { BootstrapServers = bootstrapServers }
        ).Build();
        var delivered = new List<DeliveryResult<Null, byte[]>>();
        for (var i = 0; i < bodies.Count; i++)
        {
            delivered.Add(
                await producer.ProduceAsync(
                    new TopicPartition(topic, i % partitions),
                    new()
                    {
                        Value = Framed(schemaId, bodies[i]),
                        Timestamp = new Timestamp(TimestampMs(i), TimestampType.CreateTime),
                    }
                )
            );
        }
        return delivered;
    }

    /// <summary>The value <paramref name="body"/> writes, in Confluent's framing with <paramref name="schemaId"/>.</summary>
    public static byte[] Framed(int schemaId, Body body)
    {
        var buffer = new ArrayBufferWriter<byte>();
        var header = buffer.GetSpan(5);
        header[0] = 0;
        BinaryPrimitives.WriteInt32BigEndian(header[1..5], schemaId);
        buffer.Advance(5);
        body(buffer);
        return buffer.WrittenSpan.ToArray();
    }

    private static async Task<int> RegisterAsync(
        string registryUrl,
        string subject,
        string schemaPath
    )
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var answer = await http.PostAsJsonAsync(
            $"{registryUrl}/subjects/{subject}/versions",
            new JsonObject { ["schema"] = await File.ReadAllTextAsync(schemaPath) }
        );
        answer.EnsureSuccessStatusCode();
        return (await answer.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<int>();
    }
}
