using System.Buffers;
using System.Buffers.Binary;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Confluent.Kafka;
using KConnector.Avro;

namespace KConnector.Testing.Payments;

/// <summary>
/// The IntegrationTests' payments (payment.avsc: id, amount, card, cvv, note) for the roads that
/// have no generated Payment type (<c>kconnector run</c>, REST): payment i as the JSON line a file
/// source reads, and as the record Confluent's AvroConverter writes for a sink to consume, its
/// schema registered in a real registry under <c>{topic}-value</c>.
/// </summary>
public static class RegisteredPayments
{
    /// <summary>Payment i as a JSON line (KeyChainPipelineTests.Line: a note when i is even).</summary>
    public static string Line(int i) => Line("p-" + i.ToString(CultureInfo.InvariantCulture), i);

    /// <summary>Payment i with the id <paramref name="id"/> as a JSON line.</summary>
    public static string Line(string id, int i) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $$"""{"id": "{{id}}", "amount": {{i + 0.5}}, "card": "4111-{{i}}", "cvv": {{100 + i}}, "note": {{(i % 2 == 0 ? "\"n" + i + "\"" : "null")}}}"""
        );

    /// <summary>
    /// The timestamp <see cref="ProduceAsync"/> gives payment i (a minute after payment i - 1), in
    /// Unix milliseconds: the record's, which a delivery report of the mock cluster does not carry.
    /// </summary>
    public static long TimestampMs(int i) =>
        new DateTimeOffset(2024, 3, 1, 0, 0, 0, TimeSpan.Zero)
            .AddMinutes(i)
            .ToUnixTimeMilliseconds();

    /// <summary>
    /// Registers <paramref name="schemaPath"/> under <c>{topic}-value</c> and writes the payments
    /// <paramref name="ids"/> (payment i with the i-th id) without keys, payment i to partition
    /// i % <paramref name="partitions"/>, at <see cref="TimestampMs"/>; returns each one's delivery
    /// (its partition, offset and value bytes), in order.
    /// </summary>
    public static async Task<IReadOnlyList<DeliveryResult<Null, byte[]>>> ProduceAsync(
        string bootstrapServers,
        string registryUrl,
        string schemaPath,
        string topic,
        IReadOnlyList<string> ids,
        int partitions = 1
    )
    {
        var schemaId = await RegisterAsync(registryUrl, topic + "-value", schemaPath);
        using var producer = new ProducerBuilder<Null, byte[]>(
            new ProducerConfig { BootstrapServers = bootstrapServers }
        ).Build();
        var delivered = new List<DeliveryResult<Null, byte[]>>();
        for (var i = 0; i < ids.Count; i++)
        {
            delivered.Add(
                await producer.ProduceAsync(
                    new TopicPartition(topic, i % partitions),
                    new()
                    {
                        Value = Encode(schemaId, ids[i], i),
                        Timestamp = new Timestamp(TimestampMs(i), TimestampType.CreateTime),
                    }
                )
            );
        }
        return delivered;
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

    // Confluent's framing (magic byte 0, the schema id big-endian), then payment i's Avro record.
    private static byte[] Encode(int schemaId, string id, int i)
    {
        var buffer = new ArrayBufferWriter<byte>();
        var header = buffer.GetSpan(5);
        header[0] = 0;
        BinaryPrimitives.WriteInt32BigEndian(header[1..5], schemaId);
        buffer.Advance(5);
        var writer = new AvroWriter(buffer);
        writer.WriteString(id);
        writer.WriteDouble(i + 0.5);
        writer.WriteString("4111-" + i.ToString(CultureInfo.InvariantCulture));
        writer.WriteInt(100 + i);
        writer.WriteUnionIndex(i % 2 == 0 ? 1 : 0);
        if (i % 2 == 0)
        {
            writer.WriteString("n" + i.ToString(CultureInfo.InvariantCulture));
        }
        return buffer.WrittenSpan.ToArray();
    }
}
