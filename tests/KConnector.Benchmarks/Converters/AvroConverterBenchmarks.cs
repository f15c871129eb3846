using System.Buffers;
using BenchmarkDotNet.Attributes;
using KConnector.Avro;
using KConnector.Converters;
using KConnector.SchemaRegistry;

namespace KConnector.Benchmarks.Converters;

/// <summary>
/// AvroConverter against the bare generated codec (no framing, no registry), at steady state (the
/// schema id is cached after the first record). Both sides return a fresh byte[] per record.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkDotNet.Configs.BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class AvroConverterBenchmarks
{
    private readonly BenchPayment _payment = new()
    {
        Id = "p-123456",
        AmountCents = 1_234_567,
        Attempts = 2,
        Rate = 0.125,
        Captured = true,
        Token = [1, 2, 3, 4, 5, 6, 7, 8],
        Memo = "steady state",
    };
    private readonly ArrayBufferWriter<byte> _buffer = new(256);
    private AvroConverter<BenchPayment> _converter = null!;
    private byte[] _framed = [];
    private byte[] _bare = [];

    [GlobalSetup]
    public void Setup()
    {
        var scope = "bench-" + Guid.NewGuid();
        _converter = new AvroConverter<BenchPayment>(
            new MockSchemaRegistryClient(scope),
            ConverterConfig.ForMockRegistry(scope, false)
        );
        _framed = _converter.FromConnectData("payments", _payment)!;
        _converter.ToConnectData("payments", _framed);
        _bare = Codec();
    }

    [Benchmark(Baseline = true, Description = "serialize: bare codec")]
    [BenchmarkCategory("serialize")]
    public byte[] Codec()
    {
        _buffer.ResetWrittenCount();
        var writer = new AvroWriter(_buffer);
        BenchPayment.Encode(ref writer, _payment);
        return _buffer.WrittenSpan.ToArray();
    }

    [Benchmark(Description = "serialize: AvroConverter")]
    [BenchmarkCategory("serialize")]
    public byte[]? Converter() => _converter.FromConnectData("payments", _payment);

    [Benchmark(Baseline = true, Description = "deserialize: bare codec")]
    [BenchmarkCategory("deserialize")]
    public BenchPayment DecodeBare()
    {
        var reader = new AvroReader(_bare);
        return BenchPayment.Decode(ref reader);
    }

    [Benchmark(Description = "deserialize: AvroConverter")]
    [BenchmarkCategory("deserialize")]
    public BenchPayment? DecodeConverter() => _converter.ToConnectData("payments", _framed);
}
