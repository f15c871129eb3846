using KConnector.Connectors;
using KConnector.IntegrationTests.Specs.Shop;
using KConnector.Records;

namespace KConnector.IntegrationTests.Specs;

/// <summary>An attribute source connector: the test writes PollAsync only; the generator writes the rest.</summary>
[SourceConnector("spec-orders-source", ValueType = typeof(ShopOrder))]
public sealed partial class OrdersSource
{
    private long _next;

    /// <summary>The topic to write to.</summary>
    [ConfigProperty("orders.topic", Doc = "The topic to write orders to.", Required = true)]
    public string Topic { get; set; } = string.Empty;

    /// <summary>How many orders to produce in all.</summary>
    [ConfigProperty("orders.count", Doc = "How many orders to produce.", Default = 1000L, Min = 0)]
    public long Count { get; set; }

    /// <summary>Orders per poll.</summary>
    [ConfigProperty("orders.batch.size", Default = 100, Min = 1, Max = 10_000)]
    public int BatchSize { get; set; }

    /// <summary>Whether StartAsync ran before the first poll.</summary>
    public bool Started { get; private set; }

    /// <summary>Called by the generated worker before polling.</summary>
    public ValueTask StartAsync(CancellationToken cancellationToken)
    {
        Started = true;
        return ValueTask.CompletedTask;
    }

    /// <summary>Produces the next batch of orders.</summary>
    public ValueTask<IReadOnlyList<SourceRecord<string, ShopOrder>>> PollAsync(
        CancellationToken cancellationToken
    )
    {
        if (!Started)
        {
            throw new InvalidOperationException("PollAsync before StartAsync");
        }
        var batch = new List<SourceRecord<string, ShopOrder>>(BatchSize);
        while (_next < Count && batch.Count < BatchSize)
        {
            var n = _next++;
            batch.Add(
                new SourceRecord<string, ShopOrder>
                {
                    Topic = Topic,
                    Key = "order-" + n,
                    Value = new ShopOrder
                    {
                        OrderId = "order-" + n,
                        Sequence = n,
                        Amount = n / 2.0,
                    },
                }
            );
        }
        return ValueTask.FromResult<IReadOnlyList<SourceRecord<string, ShopOrder>>>(batch);
    }
}
