using System.Buffers;
using System.Globalization;
using System.Numerics;
using System.Text.Json.Nodes;
using Confluent.Kafka;
using KConnector.Avro;

namespace KConnector.Testing.SpecRecords;

/// <summary>
/// The IntegrationTests' invoices (sales-invoice.avsc: an enum, an optional enum, decimals, a
/// nested record, an array of records, a union of null, string and long) for the roads that have
/// no generated SalesInvoice type: invoice n as InvoicesSource.InvoiceNumber makes it (PAID when n
/// is even, SENT otherwise; HIGH priority every third; a GOLD customer when n is odd; n + 1 lines,
/// line k k + 1 of "sku-{n}-{k}" at 1.25 × (k + 1); their sum the total; "card-{n}" paid when
/// n % 3 is 1, 100 × n when 2), and invoice n after invoices-avrotypes' chain.
/// </summary>
public static class RegisteredInvoices
{
    /// <summary>
    /// Writes <paramref name="count"/> invoices to <paramref name="topic"/> as
    /// <see cref="RegisteredTopic.ProduceAsync"/> writes records, <paramref name="schemaPath"/>
    /// (sales-invoice.avsc) registered.
    /// </summary>
    public static Task<IReadOnlyList<DeliveryResult<Null, byte[]>>> ProduceAsync(
        string bootstrapServers,
        string registryUrl,
        string schemaPath,
        string topic,
        int count
    ) =>
        RegisteredTopic.ProduceAsync(
            bootstrapServers,
            registryUrl,
            schemaPath,
            topic,
            [.. Enumerable.Range(0, count).Select(n => (RegisteredTopic.Body)(o => Write(o, n)))]
        );

    /// <summary>Invoice n as sales-invoice.avsc's Avro record.</summary>
    public static void Write(IBufferWriter<byte> output, int n)
    {
        var writer = new AvroWriter(output);
        writer.WriteString("i-" + Text(n));
        writer.WriteInt(n % 2 == 0 ? 2 : 1); // Status: DRAFT, SENT, PAID
        writer.WriteUnionIndex(n % 3 == 0 ? 1 : 0);
        if (n % 3 == 0)
        {
            writer.WriteInt(1); // Priority: LOW, HIGH
        }
        writer.WriteBytes(Unscaled(Total(n)));
        writer.WriteString("c-" + Text(n));
        writer.WriteInt(n % 2); // Tier: BASIC, GOLD
        writer.WriteLong(n + 1);
        for (var k = 0; k <= n; k++)
        {
            writer.WriteString("sku-" + Text(n) + "-" + Text(k));
            writer.WriteInt(k + 1);
            writer.WriteBytes(Unscaled(Price(k)));
        }
        writer.WriteLong(0);
        writer.WriteUnionIndex(
            (n % 3) switch
            {
                1 => 1,
                2 => 2,
                _ => 0,
            }
        );
        if (n % 3 == 1)
        {
            writer.WriteString("card-" + Text(n));
        }
        else if (n % 3 == 2)
        {
            writer.WriteLong(100L * n);
        }
    }

    /// <summary>
    /// Invoice n after invoices-avrotypes' chain (AvroTypesPipelineTests): status renamed state,
    /// the customer and the payment union flattened, priority masked to "", total cast to string
    /// as Connect's Cast writes a BigDecimal, the lines as they were (their decimal prices as
    /// Connect's JsonConverter writes a Decimal by default: the unscaled bytes in base64).
    /// </summary>
    public static string Transformed(int n) =>
        new JsonObject
        {
            ["id"] = "i-" + Text(n),
            ["state"] = n % 2 == 0 ? "PAID" : "SENT",
            ["priority"] = n % 3 == 0 ? string.Empty : null,
            ["total"] = Total(n).ToString("0.00", CultureInfo.InvariantCulture),
            ["customer_name"] = "c-" + Text(n),
            ["customer_tier"] = n % 2 == 1 ? "GOLD" : "BASIC",
            ["lines"] = new JsonArray([
                .. Enumerable
                    .Range(0, n + 1)
                    .Select(k =>
                        (JsonNode)
                            new JsonObject
                            {
                                ["sku"] = "sku-" + Text(n) + "-" + Text(k),
                                ["qty"] = k + 1,
                                ["price"] = Convert.ToBase64String(Unscaled(Price(k))),
                            }
                    ),
            ]),
            ["payment_string"] = n % 3 == 1 ? "card-" + Text(n) : null,
            ["payment_long"] = n % 3 == 2 ? 100L * n : null,
        }.ToJsonString();

    /// <summary>
    /// A sink's <paramref name="file"/> holds invoices 0 to <paramref name="count"/> - 1 after the
    /// chain (<see cref="Transformed"/>), in order; compared as one text, so that a failure shows
    /// where the lines differ.
    /// </summary>
    public static void AssertFileHoldsTransformed(string file, int count) =>
        Assert.Equal(
            string.Join("\n", Enumerable.Range(0, count).Select(Transformed)),
            string.Join(
                "\n",
                File.ReadAllLines(file).Select(l => JsonNode.Parse(l)!.ToJsonString())
            )
        );

    private static decimal Price(int k) => 1.25m * (k + 1);

    private static decimal Total(int n) => Enumerable.Range(0, n + 1).Sum(k => Price(k) * (k + 1));

    // A decimal of scale 2 as Avro's decimal bytes: its unscaled value, two's complement, big-endian.
    private static byte[] Unscaled(decimal value) =>
        new BigInteger(decimal.Round(value * 100m)).ToByteArray(
            isUnsigned: false,
            isBigEndian: true
        );

    private static string Text(int i) => i.ToString(CultureInfo.InvariantCulture);
}
