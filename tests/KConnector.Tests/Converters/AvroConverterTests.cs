using System.Buffers.Binary;
using KConnector.Avro;
using KConnector.Converters;
using KConnector.SchemaRegistry;
using KConnector.Tests.Avro;

namespace KConnector.Tests.Converters;

public class AvroConverterTests
{
    private static readonly GoldenOrder Order = new()
    {
        OrderId = "ORD-1",
        CustomerId = -300,
        Quantity = 2,
        UnitPrice = 12.5,
        Express = true,
        Weight = 0.25f,
        Signature = [1, 2, 255],
        Note = "gift é",
    };

    [Fact]
    public async Task FromConnectData_WritesConfluentWireFormat_WithTheRegisteredId()
    {
        var registry = new MockSchemaRegistryClient(Guid.NewGuid().ToString());
        var converter = new AvroConverter<GoldenOrder>(registry, isKey: false);

        var bytes = converter.FromConnectData("orders", Order)!;

        var id = await registry.RegisterSchemaAsync(
            "orders-value",
            GoldenOrder.AvroSchemaJson,
            CancellationToken.None
        );
        Assert.Equal(0, bytes[0]);
        Assert.Equal(id, BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(1, 4)));
        Assert.Equal(
            "0a4f52442d31d704040000000000002940010000803e060102ff020e6769667420c3a902",
            Convert.ToHexStringLower(bytes.AsSpan(5))
        );
    }

    [Fact]
    public void RoundTrip_ThroughTheSameRegistryScope()
    {
        var scope = Guid.NewGuid().ToString();
        var writer = new AvroConverter<GoldenOrder>(
            new MockSchemaRegistryClient(scope),
            isKey: false
        );
        var reader = new AvroConverter<GoldenOrder>(
            new MockSchemaRegistryClient(scope),
            isKey: false
        );

        var decoded = reader.ToConnectData("orders", writer.FromConnectData("orders", Order));

        Assert.NotNull(decoded);
        Assert.Equal(Order.OrderId, decoded.OrderId);
        Assert.Equal(Order.Note, decoded.Note);
    }

    [Fact]
    public void Null_PassesThroughAsATombstone()
    {
        var converter = new AvroConverter<GoldenOrder>(
            new MockSchemaRegistryClient(Guid.NewGuid().ToString()),
            isKey: false
        );

        Assert.Null(converter.FromConnectData("orders", null));
        Assert.Null(converter.ToConnectData("orders", null));
    }

    [Fact]
    public void ToConnectData_UnknownMagicByte_SaysSoAndNamesTheTopic()
    {
        var converter = new AvroConverter<GoldenOrder>(
            new MockSchemaRegistryClient(Guid.NewGuid().ToString()),
            isKey: false
        );

        var error = Assert.Throws<DataException>(() =>
            converter.ToConnectData("orders", [1, 0, 0, 0, 1, 2])
        );

        Assert.Contains("magic byte is 1", error.Message, StringComparison.Ordinal);
        Assert.Contains("'orders'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToConnectData_UnknownSchemaId_IsAClearError()
    {
        var converter = new AvroConverter<GoldenOrder>(
            new MockSchemaRegistryClient(Guid.NewGuid().ToString()),
            isKey: false
        );

        // A DataException naming the topic, as docs/converters.md promises (issue 20, item 8),
        // with the registry's answer as its cause.
        var error = Assert.Throws<DataException>(() =>
            converter.ToConnectData("orders", [0, 0, 0, 0, 42, 2])
        );

        Assert.Contains("42", error.Message, StringComparison.Ordinal);
        Assert.Contains("'orders'", error.Message, StringComparison.Ordinal);
        Assert.IsType<SchemaRegistryException>(error.InnerException);
    }
}
