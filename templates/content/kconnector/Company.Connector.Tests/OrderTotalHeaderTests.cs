using System.Globalization;
using System.Text;
using Confluent.Kafka;
using KConnector.Records;
using KConnector.Transforms;

namespace Company.Connector.Tests;

/// <summary>
/// The project's own transformation, OrderTotalHeader: on one record here, and on every record
/// the connector writes (ConnectorTests reads the topic's headers through <see cref="ReadTotals"/>).
/// </summary>
public sealed class OrderTotalHeaderTests
{
    [Fact]
    public void Apply_AddsTheOrdersTotal_AsAHeader_AndKeepsTheValue()
    {
        var transformation = OrderTotalHeader.Create(
            OrderTotalHeader.Definition.Parse(
                new Dictionary<string, string?> { ["header"] = "total" }
            )
        );
        var order = SampleOrders.Create(2); // quantity 3 at 9.99
        var record = new ConnectRecord<string?, Order>
        {
            Topic = "orders",
            Value = order,
            Headers = [new RecordHeader("trace", Encoding.UTF8.GetBytes("t-1"))],
        };

        var result = transformation.Apply(record);

        Assert.NotNull(result);
        Assert.Same(order, result.Value);
        Assert.Equal(["trace", "total"], result.Headers.Select(h => h.Name));
        Assert.Equal("29.97", result.Headers[1].Value.ToString());
    }

    [Fact]
    public void ATombstone_PassesUnchanged()
    {
        var transformation = OrderTotalHeader.Create(
            OrderTotalHeader.Definition.Parse(new Dictionary<string, string?>())
        );
        var tombstone = new ConnectRecord<string?, Order> { Topic = "orders", Key = "order-1" };

        Assert.Same(tombstone, transformation.Apply(tombstone));
    }

    /// <summary>The expected header of order <paramref name="n"/>: its quantity times its unit price.</summary>
    public static string ExpectedTotal(int n)
    {
        var order = SampleOrders.Create(n);
        return ((decimal)order.UnitPrice * order.Quantity).ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>Each record's order id and its <c>order.total</c> header (null when it has none), read from the topic.</summary>
    public static Dictionary<string, string?> ReadTotals(
        string bootstrapServers,
        string topic,
        int expected,
        TimeSpan deadline
    )
    {
        using var consumer = new ConsumerBuilder<byte[]?, byte[]?>(
            new ConsumerConfig
            {
                BootstrapServers = bootstrapServers,
                GroupId = "tests-" + Guid.NewGuid().ToString("N"),
                AutoOffsetReset = AutoOffsetReset.Earliest,
            }
        ).Build();
        consumer.Subscribe(topic);
        var values = SampleOrders.ValueConverter();
        var totals = new Dictionary<string, string?>();
        var started = DateTime.UtcNow;
        while (totals.Count < expected && DateTime.UtcNow - started < deadline)
        {
            if (consumer.Consume(TimeSpan.FromMilliseconds(200))?.Message is { } message)
            {
                var header = message.Headers?.FirstOrDefault(h => h.Key == "order.total");
                totals[values.ToConnectData(topic, message.Value)!.OrderId] = header is null
                    ? null
                    : Encoding.UTF8.GetString(header.GetValueBytes());
            }
        }
        consumer.Close();
        return totals;
    }
}
