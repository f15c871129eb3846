using System.Globalization;
using KConnector.Connectors;
using KConnector.IntegrationTests.Transforms.Invoices;
using KConnector.Records;

namespace KConnector.IntegrationTests.Transforms;

/// <summary>
/// An attribute source of invoices carrying the Avro types Connect reads through Confluent's
/// AvroData: invoice n has status PAID when n is even (SENT otherwise), priority HIGH every third
/// (none otherwise), a GOLD customer when n is odd, n + 1 lines (line k: k + 1 of "sku-{n}-{k}" at
/// 1.25 × (k + 1)), their sum as its total, and a payment reference: "card-{n}" when n % 3 is 1,
/// the number 100 × n when it is 2, none otherwise.
/// </summary>
[SourceConnector("invoices-source", ValueType = typeof(SalesInvoice))]
public sealed partial class InvoicesSource
{
    private int _next;

    /// <summary>The topic to write to.</summary>
    [ConfigProperty("invoices.topic", Doc = "The topic to write invoices to.", Required = true)]
    public string Topic { get; set; } = string.Empty;

    /// <summary>How many invoices to produce in all.</summary>
    [ConfigProperty("invoices.count", Doc = "How many invoices to produce.", Default = 6, Min = 0)]
    public int Count { get; set; }

    /// <summary>Line <paramref name="k"/> of invoice <paramref name="n"/>.</summary>
    public static Line LineOf(int n, int k) =>
        new()
        {
            Sku =
                "sku-"
                + n.ToString(CultureInfo.InvariantCulture)
                + "-"
                + k.ToString(CultureInfo.InvariantCulture),
            Qty = k + 1,
            Price = 1.25m * (k + 1),
        };

    /// <summary>Invoice n, as described on the class.</summary>
    public static SalesInvoice InvoiceNumber(int n)
    {
        var lines = Enumerable.Range(0, n + 1).Select(k => LineOf(n, k)).ToArray();
        return new()
        {
            Id = "i-" + n.ToString(CultureInfo.InvariantCulture),
            Status = n % 2 == 0 ? Status.PAID : Status.SENT,
            Priority = n % 3 == 0 ? Priority.HIGH : null,
            Total = lines.Sum(l => l.Price * l.Qty),
            Customer = new Customer
            {
                Name = "c-" + n.ToString(CultureInfo.InvariantCulture),
                Tier = n % 2 == 1 ? Tier.GOLD : Tier.BASIC,
            },
            Lines = lines,
            Payment = (n % 3) switch
            {
                1 => new SalesInvoice.PaymentUnion.String(
                    "card-" + n.ToString(CultureInfo.InvariantCulture)
                ),
                2 => new SalesInvoice.PaymentUnion.Long(100L * n),
                _ => null,
            },
        };
    }

    /// <summary>Produces the next invoices.</summary>
    public ValueTask<IReadOnlyList<SourceRecord<string, SalesInvoice>>> PollAsync(
        CancellationToken cancellationToken
    )
    {
        var batch = new List<SourceRecord<string, SalesInvoice>>();
        while (_next < Count && batch.Count < 5)
        {
            var n = _next++;
            batch.Add(
                new SourceRecord<string, SalesInvoice>
                {
                    Topic = Topic,
                    Key = "i-" + n.ToString(CultureInfo.InvariantCulture),
                    Value = InvoiceNumber(n),
                }
            );
        }
        return ValueTask.FromResult<IReadOnlyList<SourceRecord<string, SalesInvoice>>>(batch);
    }
}
