using KConnector.Records;
using KConnector.Tasks;

namespace KConnector.Quickstart;

/// <summary>
/// A source task that invents a fixed number of orders, in batches, then reports nothing new:
/// the walking skeleton's stand-in for a real source system.
/// </summary>
internal sealed class SyntheticOrdersSourceTask(string topic, int total, int batchSize)
    : ISourceTask<string, Order>
{
    private int _next;

    public int Total => total;

    public ValueTask<IReadOnlyList<SourceRecord<string, Order>>> PollAsync(
        CancellationToken cancellationToken
    )
    {
        var count = Math.Min(batchSize, total - _next);
        var batch = new List<SourceRecord<string, Order>>(Math.Max(count, 0));
        for (var i = 0; i < count; i++, _next++)
        {
            var order = new Order
            {
                OrderId = $"ORD-{_next:D6}",
                CustomerId = 1000 + (_next % 250),
                Quantity = 1 + (_next % 5),
                UnitPrice = 9.99 + (_next % 40),
                Express = _next % 7 == 0,
                Note = _next % 10 == 0 ? "gift wrap" : null,
            };
            batch.Add(
                new SourceRecord<string, Order>
                {
                    Topic = topic,
                    Key = order.OrderId,
                    Value = order,
                    SourcePartition = new Dictionary<string, string> { ["generator"] = "orders" },
                    SourceOffset = new Dictionary<string, string>
                    {
                        ["position"] = (_next + 1).ToString(
                            System.Globalization.CultureInfo.InvariantCulture
                        ),
                    },
                }
            );
        }
        return ValueTask.FromResult<IReadOnlyList<SourceRecord<string, Order>>>(batch);
    }
}
