using System.Globalization;
using KConnector.Connectors;
using KConnector.IntegrationTests.Transforms.Shop;
using KConnector.Records;

namespace KConnector.IntegrationTests.Transforms.OwnKey;

/// <summary>
/// An attribute source whose task produces its own record keys (a file source's keys are null):
/// payment n has the key {id "p-n", region "eu-n", seq n, note "n-n" when n is even} and a
/// payment value of the same id.
/// </summary>
[SourceConnector(
    "keyed-payments-source",
    KeyType = typeof(PaymentKey),
    ValueType = typeof(Payment)
)]
public sealed partial class KeyedPaymentsSource
{
    private int _next;

    /// <summary>The topic to write to.</summary>
    [ConfigProperty("payments.topic", Doc = "The topic to write payments to.", Required = true)]
    public string Topic { get; set; } = string.Empty;

    /// <summary>How many payments to produce in all.</summary>
    [ConfigProperty("payments.count", Doc = "How many payments to produce.", Default = 8, Min = 0)]
    public int Count { get; set; }

    /// <summary>The key of payment n, as described on the class.</summary>
    public static PaymentKey KeyNumber(int n)
    {
        var text = n.ToString(CultureInfo.InvariantCulture);
        return new PaymentKey
        {
            Id = "p-" + text,
            Region = "eu-" + text,
            Seq = n,
            Note = n % 2 == 0 ? "n-" + text : null,
        };
    }

    /// <summary>Produces the next payments.</summary>
    public ValueTask<IReadOnlyList<SourceRecord<PaymentKey, Payment>>> PollAsync(
        CancellationToken cancellationToken
    )
    {
        var batch = new List<SourceRecord<PaymentKey, Payment>>();
        while (_next < Count && batch.Count < 5)
        {
            var n = _next++;
            var key = KeyNumber(n);
            batch.Add(
                new SourceRecord<PaymentKey, Payment>
                {
                    Topic = Topic,
                    Key = key,
                    Value = new Payment
                    {
                        Id = key.Id,
                        Amount = n + 0.5,
                        Card = "4111-" + n.ToString(CultureInfo.InvariantCulture),
                        Cvv = 100 + n,
                    },
                }
            );
        }
        return ValueTask.FromResult<IReadOnlyList<SourceRecord<PaymentKey, Payment>>>(batch);
    }
}
