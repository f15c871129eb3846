using KConnector.Converters;
using KConnector.Protobuf;
using KConnector.SchemaRegistry;
using KConnector.Tests.Converters.Protos;

namespace KConnector.Tests.Converters;

public class ProtobufConverterTests
{
    private static ConverterConfig Config(string scope, params (string, string)[] extra)
    {
        var config = new Dictionary<string, string> { ["schema.registry.url"] = "mock://" + scope };
        foreach (var (k, v) in extra)
        {
            config[k] = v;
        }
        return ConverterConfig.From(config, isKey: false);
    }

    [Fact]
    public void FirstMessage_IsFramedWithTheSingleZeroIndexByte()
    {
        var scope = Guid.NewGuid().ToString();
        var converter = new ProtobufConverter<Customer>(
            new MockSchemaRegistryClient(scope),
            Config(scope),
            ProtoFiles.Shop
        );

        var bytes = converter.FromConnectData("customers", new Customer { Id = "c1" });

        Assert.Equal("00000000010" + "00a026331", Convert.ToHexStringLower(bytes!));
    }

    [Fact]
    public void NonFirstMessage_WritesItsIndexArray()
    {
        var scope = Guid.NewGuid().ToString();
        var converter = new ProtobufConverter<Order>(
            new MockSchemaRegistryClient(scope),
            Config(scope),
            ProtoFiles.Shop
        );

        var bytes = converter.FromConnectData("orders", new Order { Id = "o" });

        // [1]: count 1 -> zig-zag 2, index 1 -> zig-zag 2; then field 1 "o".
        Assert.Equal("0000000001" + "0202" + "0a016f", Convert.ToHexStringLower(bytes!));
    }

    [Fact]
    public void NestedMessage_WritesItsPath()
    {
        var scope = Guid.NewGuid().ToString();
        var converter = new ProtobufConverter<Order.Types.Line>(
            new MockSchemaRegistryClient(scope),
            Config(scope),
            ProtoFiles.Shop
        );

        var bytes = converter.FromConnectData(
            "lines",
            new Order.Types.Line { Sku = "a", Count = 2 }
        );

        Assert.Equal([1, 0], ProtobufMessageIndexes.Of(Order.Types.Line.Descriptor));
        Assert.Equal("0000000001" + "040200" + "0a01611002", Convert.ToHexStringLower(bytes!));
    }

    [Fact]
    public async Task RegistersTheProtoText_AsPROTOBUF_UnderTheTopicSubject()
    {
        var scope = Guid.NewGuid().ToString();
        var registry = new MockSchemaRegistryClient(scope);
        var converter = new ProtobufConverter<Order>(registry, Config(scope), ProtoFiles.Shop);

        converter.FromConnectData("orders", new Order { Id = "o" });

        var latest = await registry.GetLatestSchemaAsync("orders-value", default);
        Assert.Equal(new Schema(ProtoFiles.Shop, SchemaType.Protobuf), latest.Schema);
        Assert.Contains("message Order", latest.Schema.SchemaString);
    }

    [Fact]
    public async Task RecordNameStrategy_UsesTheMessagesFullName()
    {
        var scope = Guid.NewGuid().ToString();
        var registry = new MockSchemaRegistryClient(scope);
        var converter = new ProtobufConverter<Order.Types.Line>(
            registry,
            Config(
                scope,
                (
                    "value.subject.name.strategy",
                    "io.confluent.kafka.serializers.subject.RecordNameStrategy"
                )
            ),
            ProtoFiles.Shop
        );

        converter.FromConnectData("lines", new Order.Types.Line { Sku = "a" });

        Assert.Equal(
            [1],
            await registry.GetSubjectVersionsAsync("kconnector.tests.shop.Order.Line", default)
        );
    }

    [Fact]
    public void RoundTrip_NestedAndRepeatedFields()
    {
        var scope = Guid.NewGuid().ToString();
        var writer = new ProtobufConverter<Order>(
            new MockSchemaRegistryClient(scope),
            Config(scope),
            ProtoFiles.Shop
        );
        var reader = new ProtobufConverter<Order>(
            new MockSchemaRegistryClient(scope),
            Config(scope),
            ProtoFiles.Shop
        );
        var order = new Order
        {
            Id = "o-1",
            Quantity = -5,
            Price = 9.75,
            Customer = new Customer { Id = "c", Name = "Zoë" },
            Lines =
            {
                new Order.Types.Line { Sku = "x", Count = 3 },
            },
        };

        var decoded = reader.ToConnectData("orders", writer.FromConnectData("orders", order));

        Assert.Equal(order, decoded);
    }

    [Fact]
    public void Null_PassesThrough()
    {
        var scope = Guid.NewGuid().ToString();
        var converter = new ProtobufConverter<Order>(
            new MockSchemaRegistryClient(scope),
            Config(scope),
            ProtoFiles.Shop
        );

        Assert.Null(converter.FromConnectData("orders", null));
        Assert.Null(converter.ToConnectData("orders", null));
    }

    [Fact]
    public void ReadingAnotherMessageType_NamesBothIndexArrays()
    {
        var scope = Guid.NewGuid().ToString();
        var writer = new ProtobufConverter<Customer>(
            new MockSchemaRegistryClient(scope),
            Config(scope),
            ProtoFiles.Shop
        );
        var reader = new ProtobufConverter<Order>(
            new MockSchemaRegistryClient(scope),
            Config(scope),
            ProtoFiles.Shop
        );

        var error = Assert.Throws<DataException>(() =>
            reader.ToConnectData(
                "orders",
                writer.FromConnectData("orders", new Customer { Id = "c" })
            )
        );

        Assert.Contains("message [0]", error.Message);
        Assert.Contains("Order at [1]", error.Message);
    }

    [Fact]
    public void UnknownMagicByte_AndUnknownSchemaId_AreClearErrors()
    {
        var scope = Guid.NewGuid().ToString();
        var reader = new ProtobufConverter<Order>(
            new MockSchemaRegistryClient(scope),
            Config(scope),
            ProtoFiles.Shop
        );

        var magic = Assert.Throws<DataException>(() =>
            reader.ToConnectData("orders", [9, 0, 0, 0, 1, 0])
        );
        var id = Assert.Throws<DataException>(() =>
            reader.ToConnectData("orders", [0, 0, 0, 0, 42, 0])
        );

        Assert.Contains("unknown magic byte 9", magic.Message);
        Assert.Contains("'orders'", magic.Message);
        Assert.Contains("schema id 42", id.Message);
    }

    [Fact]
    public void CorruptPayload_IsADataExceptionNamingTheType()
    {
        var scope = Guid.NewGuid().ToString();
        var writer = new ProtobufConverter<Customer>(
            new MockSchemaRegistryClient(scope),
            Config(scope),
            ProtoFiles.Shop
        );
        var good = writer.FromConnectData("c", new Customer { Id = "abc" })!;

        var error = Assert.Throws<DataException>(() => writer.ToConnectData("c", good[..^1]));

        Assert.Contains("not a valid Customer", error.Message);
    }

    [Theory]
    [InlineData(new[] { 0 }, "00")]
    [InlineData(new[] { 1 }, "0202")]
    [InlineData(new[] { 1, 0 }, "040200")]
    [InlineData(new[] { 0, 2, 64 }, "0600048001")]
    public void MessageIndexes_RoundTripAsZigZagVarints(int[] indexes, string hex)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();

        ProtobufMessageIndexes.Write(buffer, indexes);
        var consumed = ProtobufMessageIndexes.Read(buffer.WrittenSpan, out var read);

        Assert.Equal(hex, Convert.ToHexStringLower(buffer.WrittenSpan));
        Assert.Equal(buffer.WrittenCount, consumed);
        Assert.Equal(indexes, read);
    }
}
