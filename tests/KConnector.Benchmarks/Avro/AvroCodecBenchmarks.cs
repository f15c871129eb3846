using System.Buffers;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using KConnector.Avro;

namespace KConnector.Benchmarks.Avro;

/// <summary>
/// Generated Avro encode/decode against System.Text.Json source-generated serialization of the
/// same record, both into a reused buffer.
/// Run: dotnet run -c Release --project tests/KConnector.Benchmarks -- --filter '*AvroCodec*' --job short
/// </summary>
[MemoryDiagnoser]
public class AvroCodecBenchmarks
{
    private readonly ArrayBufferWriter<byte> _buffer = new(4096);
    private BenchOrder _order = null!;
    private BenchOrderPoco _poco = null!;
    private byte[] _avroBytes = null!;
    private byte[] _jsonBytes = null!;
    private Utf8JsonWriter _jsonWriter = null!;

    [GlobalSetup]
    public void Setup()
    {
        _order = BenchOrderSample.Order();
        _poco = BenchOrderSample.Poco();
        _jsonWriter = new Utf8JsonWriter(_buffer);
        AvroEncode();
        _avroBytes = _buffer.WrittenSpan.ToArray();
        StjSerialize();
        _jsonBytes = _buffer.WrittenSpan.ToArray();
    }

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("Encode")]
    public int StjSerialize()
    {
        _buffer.ResetWrittenCount();
        _jsonWriter.Reset(_buffer);
        JsonSerializer.Serialize(_jsonWriter, _poco, BenchJsonContext.Default.BenchOrderPoco);
        return _buffer.WrittenCount;
    }

    [Benchmark]
    [BenchmarkCategory("Encode")]
    public int AvroEncode()
    {
        _buffer.ResetWrittenCount();
        var writer = new AvroWriter(_buffer);
        BenchOrder.Encode(ref writer, _order);
        return _buffer.WrittenCount;
    }

    [Benchmark]
    [BenchmarkCategory("Decode")]
    public BenchOrderPoco? StjDeserialize() =>
        JsonSerializer.Deserialize(_jsonBytes, BenchJsonContext.Default.BenchOrderPoco);

    [Benchmark]
    [BenchmarkCategory("Decode")]
    public BenchOrder AvroDecode()
    {
        var reader = new AvroReader(_avroBytes);
        return BenchOrder.Decode(ref reader);
    }
}
