using System.Buffers;
using System.Globalization;
using Confluent.Kafka;
using KConnector.Avro;

namespace KConnector.Testing.SpecRecords;

/// <summary>
/// The IntegrationTests' payments (payment.avsc: id, amount, card, cvv, note) for the roads that
/// have no generated Payment type (<c>kconnector run</c>, REST): payment i as the JSON line a file
/// source reads, and as the record Confluent's AvroConverter writes for a sink to consume
/// (<see cref="RegisteredTopic"/>).
/// </summary>
public static class RegisteredPayments
{
    /// <summary>Payment i as a JSON line (KeyChainPipelineTests.Line: a note when i is even).</summary>
    public static string Line(int i) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $$"""{"id": "p-{{i}}", "amount": {{i + 0.5}}, "card": "4111-{{i}}", "cvv": {{100 + i}}, "note": {{(i % 2 == 0 ? "\"n" + i + "\"" : "null")}}}"""
        );

    /// <summary>
    /// Writes the payments <paramref name="ids"/> (payment i with the i-th id) to
    /// <paramref name="topic"/> as <see cref="RegisteredTopic.ProduceAsync"/> writes records,
    /// <paramref name="schemaPath"/> (payment.avsc) registered; returns their deliveries.
    /// </summary>
    public static Task<IReadOnlyList<DeliveryResult<Null, byte[]>>> ProduceAsync(
        string bootstrapServers,
        string registryUrl,
        string schemaPath,
        string topic,
        IReadOnlyList<string> ids,
        int partitions = 1
    ) =>
        RegisteredTopic.ProduceAsync(
            bootstrapServers,
            registryUrl,
            schemaPath,
            topic,
            [.. ids.Select((id, i) => (RegisteredTopic.Body)(output => Write(output, id, i)))],
            partitions
        );

    /// <summary>Payment i with the id <paramref name="id"/> as payment.avsc's Avro record.</summary>
    public static void Write(IBufferWriter<byte> output, string id, int i)
    {
        var writer = new AvroWriter(output);
        writer.WriteString(id);
        writer.WriteDouble(i + 0.5);
        writer.WriteString("4111-" + i.ToString(CultureInfo.InvariantCulture));
        writer.WriteInt(100 + i);
        writer.WriteUnionIndex(i % 2 == 0 ? 1 : 0);
        if (i % 2 == 0)
        {
            writer.WriteString("n" + i.ToString(CultureInfo.InvariantCulture));
        }
    }
}
