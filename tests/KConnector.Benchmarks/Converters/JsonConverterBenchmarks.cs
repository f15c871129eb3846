using System.Buffers;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using KConnector.Converters;
using KConnector.Converters.Json;

namespace KConnector.Benchmarks.Converters;

/// <summary>JsonConverter (schemas.enable=false and true) against the generated WriteJson alone.</summary>
[MemoryDiagnoser]
public class JsonConverterBenchmarks
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
    private readonly ArrayBufferWriter<byte> _buffer = new(512);
    private Utf8JsonWriter _writer = null!;
    private JsonConverter<BenchPayment> _plain = null!;
    private JsonConverter<BenchPayment> _envelope = null!;

    [GlobalSetup]
    public void Setup()
    {
        _writer = new Utf8JsonWriter(_buffer);
        _plain = new JsonConverter<BenchPayment>(
            new AvroRecordJsonCodec<BenchPayment>(),
            ConverterConfig.From(
                new Dictionary<string, string> { ["schemas.enable"] = "false" },
                false
            )
        );
        _envelope = new JsonConverter<BenchPayment>(
            new AvroRecordJsonCodec<BenchPayment>(),
            ConverterConfig.From(new Dictionary<string, string>(), false)
        );
    }

    [Benchmark(Baseline = true, Description = "serialize: bare WriteJson")]
    public byte[] Codec()
    {
        _buffer.ResetWrittenCount();
        _writer.Reset(_buffer);
        BenchPayment.WriteJson(_writer, _payment);
        _writer.Flush();
        return _buffer.WrittenSpan.ToArray();
    }

    [Benchmark(Description = "serialize: JsonConverter schemas.enable=false")]
    public byte[]? Plain() => _plain.FromConnectData("payments", _payment);

    [Benchmark(Description = "serialize: JsonConverter schemas.enable=true")]
    public byte[]? Envelope() => _envelope.FromConnectData("payments", _payment);
}
