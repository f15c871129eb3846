using System.Globalization;
using Confluent.Kafka;
using KConnector.Connectors;
using KConnector.Converters;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Company.Connector;

/// <summary>
/// Gives the sink something to read when it runs on the embedded Kafka (no <c>bootstrap.servers</c>):
/// writes a few sample orders to the <c>orders</c> topic, in the format the sink expects. Against a
/// real cluster it does nothing. Delete it once real data flows.
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
        var servers = environment.BootstrapServers(null);
        using var producer = new ProducerBuilder<byte[]?, byte[]?>(
            new ProducerConfig { BootstrapServers = servers }
        ).Build();
        var keys = new StringConverter();
#if (avro)
        var values = new AvroConverter<Order>(
            new KConnector.SchemaRegistry.MockSchemaRegistryClient(
                ConnectorEnvironment.DefaultRegistryScope
            ),
            isKey: false
        );
#else
        var values = new StringConverter();
#endif
        for (var n = 0; n < Count; n++)
        {
            var id = "order-" + n.ToString(CultureInfo.InvariantCulture);
#if (avro)
            var value = new Order
            {
                OrderId = id,
                CustomerId = 1 + (n % 7),
                Quantity = 1 + (n % 3),
                UnitPrice = 9.99,
            };
#else
            var value =
                id + " for customer " + (1 + (n % 7)).ToString(CultureInfo.InvariantCulture);
#endif
            await producer.ProduceAsync(
                "orders",
                new Message<byte[]?, byte[]?>
                {
                    Key = keys.FromConnectData("orders", id),
                    Value = values.FromConnectData("orders", value),
                },
                stoppingToken
            );
        }
        logger.LogInformation("Wrote {Count} sample orders to the topic 'orders'", Count);
    }
}
