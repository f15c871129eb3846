using KConnector.Connectors;
using KConnector.Records;

namespace Company.Connector;

/// <summary>
/// A source connector: the worker calls <see cref="PollAsync"/> in a loop and sends what it returns
/// to Kafka. The generator writes the rest from this class: <c>OrdersSourceConfig</c> (the config
/// keys below plus Kafka Connect's own, validated), <c>OrdersSourceWorker</c> and
/// <c>services.AddOrdersSourceConnector(...)</c>. Replace the sample orders with reads from your system.
/// </summary>
[SourceConnector(
    "company.connector",
    ValueType = typeof(Order),
    ValueConverter = "VALUE_CONVERTER_CLASS"
)]
public sealed partial class OrdersSource
{
    private long _next;

    /// <summary>The topic the orders go to.</summary>
    [ConfigProperty("orders.topic", Default = "orders", Doc = "The topic to write orders to.")]
    public string Topic { get; set; } = string.Empty;

    /// <summary>How many sample orders to produce in all.</summary>
    [ConfigProperty(
        "orders.count",
        Default = 100L,
        Min = 0,
        Doc = "How many sample orders to produce in all."
    )]
    public long Count { get; set; }

    /// <summary>The most orders one poll returns.</summary>
    [ConfigProperty(
        "orders.batch.size",
        Default = 10,
        Min = 1,
        Max = 10_000,
        Doc = "The most orders one poll returns."
    )]
    public int BatchSize { get; set; }

    /// <summary>Returns the next orders, or none when there is nothing new (the worker polls again after a pause).</summary>
    public ValueTask<IReadOnlyList<SourceRecord<string, Order>>> PollAsync(
        CancellationToken cancellationToken
    )
    {
        var batch = new List<SourceRecord<string, Order>>(BatchSize);
        while (_next < Count && batch.Count < BatchSize)
        {
            var order = SampleOrders.Create(_next++);
            batch.Add(
                new SourceRecord<string, Order>
                {
                    Topic = Topic,
                    Key = order.OrderId,
                    Value = order,
                }
            );
        }
        return ValueTask.FromResult<IReadOnlyList<SourceRecord<string, Order>>>(batch);
    }
}
