using System.Buffers;
using BenchmarkDotNet.Attributes;
using Google.Protobuf;
using KConnector.Converters;
using KConnector.SchemaRegistry;
using KConnector.Tests.Converters.Protos;

namespace KConnector.Benchmarks.Converters;

/// <summary>ProtobufConverter (framing + message indexes + cached registry id) against Google.Protobuf alone.</summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkDotNet.Configs.BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class ProtobufConverterBenchmarks
{
    private readonly Order _order = new()
    {
        Id = "o-123456",
        Quantity = 3,
        Price = 19.5,
        Customer = new Customer { Id = "c-1", Name = "Ada" },
        Lines =
        {
            new Order.Types.Line { Sku = "sku-1", Count = 2 },
        },
    };
    private readonly ArrayBufferWriter<byte> _buffer = new(256);
    private ProtobufConverter<Order> _converter = null!;
    private byte[] _framed = [];
    private byte[] _bare = [];

    [GlobalSetup]
    public void Setup()
    {
        var scope = "bench-" + Guid.NewGuid();
        _converter = new ProtobufConverter<Order>(
            new MockSchemaRegistryClient(scope),
            ConverterConfig.ForMockRegistry(scope, false),
            ProtoFiles.Shop
        );
        _framed = _converter.FromConnectData("orders", _order)!;
        _converter.ToConnectData("orders", _framed);
        _bare = Codec();
    }

    [Benchmark(Baseline = true, Description = "serialize: bare Google.Protobuf")]
    [BenchmarkCategory("serialize")]
    public byte[] Codec()
    {
        _buffer.ResetWrittenCount();
        _order.WriteTo(_buffer);
        return _buffer.WrittenSpan.ToArray();
    }

    [Benchmark(Description = "serialize: ProtobufConverter")]
    [BenchmarkCategory("serialize")]
    public byte[]? Converter() => _converter.FromConnectData("orders", _order);

    [Benchmark(Baseline = true, Description = "deserialize: bare Google.Protobuf")]
    [BenchmarkCategory("deserialize")]
    public Order DecodeBare() => Order.Parser.ParseFrom(_bare.AsSpan());

    [Benchmark(Description = "deserialize: ProtobufConverter")]
    [BenchmarkCategory("deserialize")]
    public Order? DecodeConverter() => _converter.ToConnectData("orders", _framed);
}
