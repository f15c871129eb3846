using KConnector.Connectors;
using KConnector.IntegrationTests.Transforms.Shop;
using KConnector.Records;

namespace KConnector.IntegrationTests.Transforms;

/// <summary>
/// An attribute source whose records carry a timestamp, as a database or API source's do (the file
/// source's carry none, and TimestampRouter fails those as Kafka Connect does): payment n is stamped
/// <c>payments.first.timestamp.ms</c> plus n hours, so a run crosses midnight UTC.
/// </summary>
[SourceConnector("stamped-payments-source", ValueType = typeof(Payment))]
public sealed partial class StampedPaymentsSource
{
    private int _next;

    /// <summary>The topic to write to.</summary>
    [ConfigProperty("payments.topic", Doc = "The topic to write payments to.", Required = true)]
    public string Topic { get; set; } = string.Empty;

    /// <summary>How many payments to produce in all.</summary>
    [ConfigProperty("payments.count", Doc = "How many payments to produce.", Default = 12, Min = 0)]
    public int Count { get; set; }

    /// <summary>The first payment's timestamp, in Unix milliseconds.</summary>
    [ConfigProperty(
        "payments.first.timestamp.ms",
        Doc = "The first payment's timestamp.",
        Required = true
    )]
    public long FirstTimestampMs { get; set; }

    /// <summary>Payment n: the test's record, stamped n hours after the first.</summary>
    public static Payment PaymentNumber(int n) =>
        new()
        {
            Id = "p-" + n.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Amount = n % 3 == 0 ? n : n + 0.25,
            Card = "4111-" + n.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Cvv = 100 + n,
            Note =
                n % 2 == 0
                    ? "n" + n.ToString(System.Globalization.CultureInfo.InvariantCulture)
                    : null,
        };

    /// <summary>Produces the next payments.</summary>
    public ValueTask<IReadOnlyList<SourceRecord<string, Payment>>> PollAsync(
        CancellationToken cancellationToken
    )
    {
        var batch = new List<SourceRecord<string, Payment>>();
        while (_next < Count && batch.Count < 5)
        {
            var n = _next++;
            batch.Add(
                new SourceRecord<string, Payment>
                {
                    Topic = Topic,
                    Key = "p-" + n.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    Value = PaymentNumber(n),
                    Timestamp = DateTimeOffset
                        .FromUnixTimeMilliseconds(FirstTimestampMs)
                        .AddHours(n),
                }
            );
        }
        return ValueTask.FromResult<IReadOnlyList<SourceRecord<string, Payment>>>(batch);
    }
}
