using Confluent.Kafka;
using KConnector.Connectors;
using KConnector.Converters;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Company.Connector;

/// <summary>
/// Gives the sink something to read when it runs on the embedded Kafka (no <c>bootstrap.servers</c>):
/// writes a few sample orders to the <c>orders</c> topic, through the sink's value converter. Against
/// a real cluster it does nothing. Delete it once real data flows.
/// </summary>
public sealed class SampleOrdersFeeder(
    ConnectorEnvironment environment,
    IConfiguration configuration,
    ILogger<SampleOrdersFeeder> logger
) : BackgroundService
{
    /// <summary>How many orders are written.</summary>
    public const int Count = 20;

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!string.IsNullOrWhiteSpace(configuration["Connector:bootstrap.servers"]))
        {
            return;
        }
        await Task.Yield();
        await ProduceAsync(environment.BootstrapServers(null), Count, stoppingToken);
        logger.LogInformation("Wrote {Count} sample orders to the topic 'orders'", Count);
    }

    /// <summary>Writes orders 0 to <paramref name="count"/> - 1 to the topic <c>orders</c>, keyed by order id.</summary>
    public static async Task ProduceAsync(
        string bootstrapServers,
        int count,
        CancellationToken cancellationToken
    )
    {
        using var producer = new ProducerBuilder<byte[]?, byte[]?>(
            new ProducerConfig { BootstrapServers = bootstrapServers }
        ).Build();
        var keys = new StringConverter();
        var values = SampleOrders.ValueConverter();
        for (var n = 0; n < count; n++)
        {
            var order = SampleOrders.Create(n);
            await producer.ProduceAsync(
                "orders",
                new Message<byte[]?, byte[]?>
                {
                    Key = keys.FromConnectData("orders", order.OrderId),
                    Value = values.FromConnectData("orders", order),
                },
                cancellationToken
            );
        }
    }
}
