using System.Globalization;
using KConnector.Connectors;
using KConnector.IntegrationTests.Transforms.Events;
using KConnector.Records;

namespace KConnector.IntegrationTests.Transforms;

/// <summary>
/// An attribute source of order events with nested records (a file source reads flat lines only):
/// event n has a customer, an address unless n is a multiple of 3 (a zip when n is even), a paid
/// time when n is even, and was placed n × 37 minutes after 20:00 UTC on 5 March 2026.
/// </summary>
[SourceConnector("order-events-source", ValueType = typeof(OrderEvent))]
public sealed partial class OrderEventsSource
{
    /// <summary>20:00 UTC on 5 March 2026.</summary>
    public static readonly DateTimeOffset First = new(2026, 3, 5, 20, 0, 0, TimeSpan.Zero);

    private int _next;

    /// <summary>The topic to write to.</summary>
    [ConfigProperty("events.topic", Doc = "The topic to write order events to.", Required = true)]
    public string Topic { get; set; } = string.Empty;

    /// <summary>How many events to produce in all.</summary>
    [ConfigProperty(
        "events.count",
        Doc = "How many order events to produce.",
        Default = 12,
        Min = 0
    )]
    public int Count { get; set; }

    /// <summary>Event n, as described on the class.</summary>
    public static OrderEvent EventNumber(int n)
    {
        var text = n.ToString(CultureInfo.InvariantCulture);
        return new OrderEvent
        {
            Id = "o-" + text,
            Placed = First
                .AddMinutes(37 * n)
                .ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
            PaidAt = n % 2 == 0 ? First.AddSeconds(61 * n).ToUnixTimeMilliseconds() + n : null,
            Customer = new Customer
            {
                Name = "c-" + text,
                Address =
                    n % 3 == 0
                        ? null
                        : new Address { City = "city-" + text, Zip = n % 2 == 0 ? 1000 + n : null },
            },
        };
    }

    /// <summary>Produces the next events.</summary>
    public ValueTask<IReadOnlyList<SourceRecord<string, OrderEvent>>> PollAsync(
        CancellationToken cancellationToken
    )
    {
        var batch = new List<SourceRecord<string, OrderEvent>>();
        while (_next < Count && batch.Count < 5)
        {
            var n = _next++;
            batch.Add(
                new SourceRecord<string, OrderEvent>
                {
                    Topic = Topic,
                    Key = "o-" + n.ToString(CultureInfo.InvariantCulture),
                    Value = EventNumber(n),
                }
            );
        }
        return ValueTask.FromResult<IReadOnlyList<SourceRecord<string, OrderEvent>>>(batch);
    }
}
