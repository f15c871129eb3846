using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Confluent.Kafka;
using KConnector.Avro;

namespace KConnector.Testing.SpecRecords;

/// <summary>
/// The records the payments specs' compiled chains write, as JSON, for the roads without their
/// generated types (<c>kconnector run</c>, REST) to compare with what the generated workers write:
/// payments-hoisted-source's PaymentEnvelope (HoistedChainPipelineTests),
/// payments-conditional-source's values (ConditionalChainPipelineTests),
/// payments-keyrecord-source's struct key (KeyChainPipelineTests) and payments-amount-source's
/// primitives (PrimitiveChainPipelineTests).
/// </summary>
public static class PaymentChainRecords
{
    /// <summary>payments-hoisted-source's value of payment i: the payment, its card masked, as the field "payment".</summary>
    public static string Hoisted(int i)
    {
        var payment = JsonNode.Parse(RegisteredPayments.Line(i))!;
        payment["card"] = "";
        return new JsonObject { ["payment"] = payment }.ToJsonString();
    }

    /// <summary>A PaymentEnvelope {payment: Payment} after Confluent's framing, as JSON.</summary>
    public static string EnvelopeJson(byte[] value)
    {
        Assert.Equal(0, value[0]);
        var reader = new AvroReader(value.AsSpan(5));
        var payment = new JsonObject
        {
            ["id"] = reader.ReadString("id"),
            ["amount"] = reader.ReadDouble("amount"),
            ["card"] = reader.ReadString("card"),
            ["cvv"] = reader.ReadInt("cvv"),
            ["note"] = reader.ReadUnionIndex("note", 2) == 0 ? null : reader.ReadString("note"),
        };
        reader.ExpectEnd("value");
        return new JsonObject { ["payment"] = payment }.ToJsonString();
    }

    /// <summary>
    /// payments-conditional-source's value of payment i, on a topic its TopicNameMatches matches
    /// and not a tombstone (ConditionalChainPipelineTests): cvv dropped, card masked.
    /// </summary>
    public static string Conditional(int i)
    {
        var payment = JsonNode.Parse(RegisteredPayments.Line(i))!.AsObject();
        payment.Remove("cvv");
        payment["card"] = string.Empty;
        return payment.ToJsonString();
    }

    /// <summary>
    /// payments-headers-source's headers of payment i (HeaderFromPipelineTests) as
    /// <see cref="HeadersText"/> writes them: InsertHeader's origin, then HeaderFrom's moved id,
    /// cvv (cast to int16 first) and note, a null note a null header.
    /// </summary>
    public static string HeadersOf(int i) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"origin=shop,payment-id=p-{i},code={100 + i},remark={(i % 2 == 0 ? "n" + i : "(null)")}"
        );

    /// <summary>A record's headers as <c>key=value</c> (UTF-8; <c>(null)</c> for a null value), comma-separated.</summary>
    public static string HeadersText(Headers headers) =>
        string.Join(
            ",",
            headers.Select(h =>
                h.Key + "=" + (h.GetValueBytes() is { } b ? Encoding.UTF8.GetString(b) : "(null)")
            )
        );

    /// <summary>payments-keyrecord-source's key of payment i: its id, cvv cast to string, note masked (a null kept null).</summary>
    public static string KeyRecord(int i) =>
        JsonNode
            .Parse(
                $$"""{"id": "p-{{i}}", "cvv": "{{100 + i}}", "note": {{(i % 2 == 0 ? "\"\"" : "null")}}}"""
            )!
            .ToJsonString();

    /// <summary>The ConnectDefault {id: string, cvv: string, note: [null, string]} key after Confluent's framing, as JSON.</summary>
    public static string KeyRecordJson(byte[] key)
    {
        Assert.Equal(0, key[0]);
        var reader = new AvroReader(key.AsSpan(5));
        var id = reader.ReadString("id");
        var cvv = reader.ReadString("cvv");
        var note = reader.ReadUnionIndex("note", 2) == 0 ? null : reader.ReadString("note");
        reader.ExpectEnd("key");
        return new JsonObject
        {
            ["id"] = id,
            ["cvv"] = cvv,
            ["note"] = note,
        }.ToJsonString();
    }

    /// <summary>
    /// payments-amount-source's key or value (PrimitiveChainPipelineTests): an Avro int or long,
    /// one zig-zag varint after Confluent's magic byte and schema id.
    /// </summary>
    public static long AvroLong(byte[] framed)
    {
        Assert.Equal(0, framed[0]);
        var reader = new AvroReader(framed.AsSpan(5));
        var value = reader.ReadLong("datum");
        reader.ExpectEnd("datum");
        return value;
    }

    /// <summary>
    /// payments-schemaless-sink's line for payment i, its keys in ordinal order (<see cref="Sorted"/>):
    /// Connect's chain masks card and cvv, renames amount total, drops note and inserts the topic
    /// (<paramref name="topic"/>), the offset and the static source.
    /// </summary>
    public static string Schemaless(int i, string topic) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $$"""{"card":"","cvv":0,"id":"p-{{i}}","offset":{{i}},"source":"shop","topic":"{{topic}}","total":{{i + 0.5}}}"""
        );

    /// <summary>A JSON object's text with its keys in ordinal order (a sink keeps the chain's order).</summary>
    public static string Sorted(string json) =>
        new JsonObject(
            JsonNode
                .Parse(json)!
                .AsObject()
                .OrderBy(p => p.Key, StringComparer.Ordinal)
                .Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone()))
        ).ToJsonString();

    /// <summary>Payments 0 to <paramref name="count"/> - 1 as schemaless JSON values on <paramref name="topic"/>, keyed {"id": ...}.</summary>
    public static void ProduceSchemaless(string bootstrapServers, string topic, int count)
    {
        using var producer = new ProducerBuilder<string, string>(
            new ProducerConfig { BootstrapServers = bootstrapServers }
        ).Build();
        for (var i = 0; i < count; i++)
        {
            producer.Produce(
                topic,
                new()
                {
                    Key = string.Create(CultureInfo.InvariantCulture, $$"""{"id":"p-{{i}}"}"""),
                    Value = RegisteredPayments.Line(i),
                }
            );
        }
        producer.Flush(TimeSpan.FromSeconds(30));
    }
}
