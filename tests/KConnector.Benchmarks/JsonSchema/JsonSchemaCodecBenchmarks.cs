using System.Buffers;
using System.Text.Json;
using BenchmarkDotNet.Attributes;

namespace KConnector.Benchmarks.JsonSchema;

/// <summary>
/// The JSON reader/writer KConnector generates from bench-order.schema.json against System.Text.Json's
/// source generator on the same shape (the baseline): one order with three lines, written to and
/// read from a reused buffer.
/// Run: dotnet run -c Release --project tests/KConnector.Benchmarks -- --filter '*JsonSchemaCodec*' --job short
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkDotNet.Configs.BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class JsonSchemaCodecBenchmarks
{
    private readonly ArrayBufferWriter<byte> _buffer = new(4096);
    private BenchOrder _generated = null!;
    private StjOrder _stj = null!;
    private byte[] _json = [];
    private Utf8JsonWriter _writer = null!;

    [GlobalSetup]
    public void Setup()
    {
        var id = Guid.Parse("8f0d1f7e-6b8a-4c39-9a57-1b2c3d4e5f60");
        var at = new DateTimeOffset(2024, 5, 1, 10, 15, 0, TimeSpan.FromHours(2));
        _generated = new BenchOrder
        {
            Id = id,
            PlacedAt = at,
            Customer = "Ada Lovelace",
            Status = BenchOrderStatus.OnHold,
            Lines =
            [
                new BenchLine
                {
                    Sku = "ABC-1",
                    Quantity = 2,
                    UnitPrice = 12.5,
                },
                new BenchLine
                {
                    Sku = "ABC-2",
                    Quantity = 1,
                    UnitPrice = 99.99,
                },
                new BenchLine
                {
                    Sku = "XYZ-9",
                    Quantity = 10,
                    UnitPrice = 0.25,
                },
            ],
            Total = 127.49,
        };
        _stj = new StjOrder
        {
            Id = id,
            PlacedAt = at,
            Customer = "Ada Lovelace",
            Status = StjStatus.OnHold,
            Lines =
            [
                new StjLine
                {
                    Sku = "ABC-1",
                    Quantity = 2,
                    UnitPrice = 12.5,
                },
                new StjLine
                {
                    Sku = "ABC-2",
                    Quantity = 1,
                    UnitPrice = 99.99,
                },
                new StjLine
                {
                    Sku = "XYZ-9",
                    Quantity = 10,
                    UnitPrice = 0.25,
                },
            ],
            Total = 127.49,
        };
        _writer = new Utf8JsonWriter(_buffer);
        BenchOrder.WriteJson(_writer, _generated);
        _writer.Flush();
        _json = _buffer.WrittenSpan.ToArray();
        var stjJson = JsonSerializer.SerializeToUtf8Bytes(_stj, StjOrderContext.Default.StjOrder);
        if (!_json.AsSpan().SequenceEqual(stjJson))
        {
            throw new InvalidOperationException("the two serializers must write the same bytes");
        }
    }

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("Write")]
    public int Write_SystemTextJsonSourceGen()
    {
        _buffer.ResetWrittenCount();
        _writer.Reset(_buffer);
        JsonSerializer.Serialize(_writer, _stj, StjOrderContext.Default.StjOrder);
        _writer.Flush();
        return _buffer.WrittenCount;
    }

    [Benchmark]
    [BenchmarkCategory("Write")]
    public int Write_Generated()
    {
        _buffer.ResetWrittenCount();
        _writer.Reset(_buffer);
        BenchOrder.WriteJson(_writer, _generated);
        _writer.Flush();
        return _buffer.WrittenCount;
    }

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("Read")]
    public StjOrder? Read_SystemTextJsonSourceGen() =>
        JsonSerializer.Deserialize(_json, StjOrderContext.Default.StjOrder);

    [Benchmark]
    [BenchmarkCategory("Read")]
    public BenchOrder Read_Generated()
    {
        var reader = new Utf8JsonReader(_json);
        return BenchOrder.ReadJson(ref reader);
    }
}
