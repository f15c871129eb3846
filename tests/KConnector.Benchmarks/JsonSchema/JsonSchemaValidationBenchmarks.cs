using System.Buffers;
using System.Buffers.Binary;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using KConnector.Converters;
using KConnector.JsonSchema;
using KConnector.SchemaRegistry;

namespace KConnector.Benchmarks.JsonSchema;

/// <summary>
/// JsonSchemaConverter on bench-order.schema.json (uuid, date-time, enum, an array of closed
/// objects, additionalProperties false) with the validation the generator compiled, against the
/// bare generated codec (the baseline) and against the same converter validating with NJsonSchema
/// (reading a record whose writer's schema is not the type's own text, the library's road). The
/// validators alone are measured beside them. Setup checks that every road accepts the record.
/// Run: dotnet run -c Release --project tests/KConnector.Benchmarks -- --filter '*JsonSchemaValidation*' --job short
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkDotNet.Configs.BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class JsonSchemaValidationBenchmarks
{
    private const string Topic = "orders";
    private readonly ArrayBufferWriter<byte> _buffer = new(1024);
    private Utf8JsonWriter _writer = null!;
    private BenchOrder _order = null!;
    private JsonSchemaConverter<BenchOrder> _converter = null!;
    private JsonSchemaValidator _library = null!;
    private byte[] _bare = [];
    private byte[] _framed = [];
    private byte[] _framedForeign = [];

    [GlobalSetup]
    public void Setup()
    {
        var scope = "bench-" + Guid.NewGuid();
        var registry = new MockSchemaRegistryClient(scope);
        _converter = new JsonSchemaConverter<BenchOrder>(
            registry,
            ConverterConfig.ForMockRegistry(scope, false)
        );
        _writer = new Utf8JsonWriter(_buffer);
        _order = SampleOrder();
        _library = JsonSchemaValidator.For<BenchOrder>();
        _bare = Codec();
        _framed = _converter.FromConnectData(Topic, _order)!;
        // The same schema, written differently: another producer's registration. The converter cannot
        // tell it is the type's own, so it validates with the library.
        var foreignText = JsonSerializer.Serialize(
            JsonDocument.Parse(BenchOrder.JsonSchemaText).RootElement,
            new JsonSerializerOptions { WriteIndented = true }
        );
        var foreignId = registry
            .RegisterSchemaAsync(
                "other-value",
                new Schema(foreignText, SchemaType.Json),
                CancellationToken.None
            )
            .AsTask()
            .GetAwaiter()
            .GetResult();
        _framedForeign = (byte[])_framed.Clone();
        BinaryPrimitives.WriteInt32BigEndian(_framedForeign.AsSpan(1), foreignId);
        Check(CompiledJsonSchemaValidator.Validate<BenchOrder>(_bare).IsValid, "compiled");
        Check(_library.Validate(_bare).IsValid, "NJsonSchema");
        Check(_converter.ToConnectData(Topic, _framed)?.Lines.Count == 3, "converter (compiled)");
        Check(
            _converter.ToConnectData(Topic, _framedForeign)?.Lines.Count == 3,
            "converter (library)"
        );
    }

    // The order of JsonSchemaCodecBenchmarks: three lines, every format of the schema.
    private static BenchOrder SampleOrder() =>
        new()
        {
            Id = Guid.Parse("8f0d1f7e-6b8a-4c39-9a57-1b2c3d4e5f60"),
            PlacedAt = new DateTimeOffset(2024, 5, 1, 10, 15, 0, TimeSpan.FromHours(2)),
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

    private static void Check(bool ok, string what)
    {
        if (!ok)
        {
            throw new InvalidOperationException(what + " does not accept the benchmark's order");
        }
    }

    [Benchmark(Baseline = true, Description = "serialize: bare codec")]
    [BenchmarkCategory("serialize")]
    public byte[] Codec()
    {
        _buffer.ResetWrittenCount();
        _writer.Reset(_buffer);
        BenchOrder.WriteJson(_writer, _order);
        _writer.Flush();
        return _buffer.WrittenSpan.ToArray();
    }

    [Benchmark(Description = "serialize: JsonSchemaConverter, compiled validation")]
    [BenchmarkCategory("serialize")]
    public byte[]? Converter() => _converter.FromConnectData(Topic, _order);

    [Benchmark(Description = "serialize: bare codec + NJsonSchema validation")]
    [BenchmarkCategory("serialize")]
    public byte[] CodecLibrary()
    {
        var bytes = Codec();
        return _library.Validate(bytes).IsValid ? bytes : [];
    }

    [Benchmark(Baseline = true, Description = "deserialize: bare codec")]
    [BenchmarkCategory("deserialize")]
    public BenchOrder DecodeBare()
    {
        var reader = new Utf8JsonReader(_bare);
        reader.Read();
        return BenchOrder.ReadJson(ref reader);
    }

    [Benchmark(Description = "deserialize: JsonSchemaConverter, compiled validation")]
    [BenchmarkCategory("deserialize")]
    public BenchOrder? DecodeConverter() => _converter.ToConnectData(Topic, _framed);

    [Benchmark(
        Description = "deserialize: JsonSchemaConverter, NJsonSchema (writer's schema not the type's)"
    )]
    [BenchmarkCategory("deserialize")]
    public BenchOrder? DecodeConverterLibrary() => _converter.ToConnectData(Topic, _framedForeign);

    [Benchmark(Baseline = true, Description = "validate only: compiled")]
    [BenchmarkCategory("validate")]
    public bool ValidateCompiled() =>
        CompiledJsonSchemaValidator.Validate<BenchOrder>(_bare).IsValid;

    [Benchmark(Description = "validate only: NJsonSchema")]
    [BenchmarkCategory("validate")]
    public bool ValidateLibrary() => _library.Validate(_bare).IsValid;
}
