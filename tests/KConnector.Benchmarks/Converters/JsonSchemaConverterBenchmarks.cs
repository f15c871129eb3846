using System.Buffers;
using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using KConnector.Converters;
using KConnector.SchemaRegistry;
using KConnector.Testing.JsonSchema;
using NJsonSchema;

namespace KConnector.Benchmarks.Converters;

/// <summary>
/// JsonSchemaConverter against the bare generated JSON codec, and against the codec plus the same
/// NJsonSchema validation the converter does: the difference to the latter is what framing and the
/// registry cost.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkDotNet.Configs.BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class JsonSchemaConverterBenchmarks
{
    private readonly JsonSchemaCustomer _customer = new()
    {
        Id = "c-123456",
        Age = 41,
        Email = "ada@example.com",
    };
    private readonly ArrayBufferWriter<byte> _buffer = new(256);
    private Utf8JsonWriter _writer = null!;
    private NJsonSchema.JsonSchema _schema = null!;
    private JsonSchemaConverter<JsonSchemaCustomer> _converter = null!;
    private byte[] _framed = [];
    private byte[] _bare = [];

    [GlobalSetup]
    public void Setup()
    {
        var scope = "bench-" + Guid.NewGuid();
        _writer = new Utf8JsonWriter(_buffer);
        _schema = NJsonSchema
            .JsonSchema.FromJsonAsync(JsonSchemaCustomer.JsonSchemaText)
            .GetAwaiter()
            .GetResult();
        _converter = new JsonSchemaConverter<JsonSchemaCustomer>(
            new MockSchemaRegistryClient(scope),
            ConverterConfig.ForMockRegistry(scope, false)
        );
        _framed = _converter.FromConnectData("customers", _customer)!;
        _converter.ToConnectData("customers", _framed);
        _bare = Codec();
    }

    [Benchmark(Baseline = true, Description = "serialize: bare codec")]
    [BenchmarkCategory("serialize")]
    public byte[] Codec()
    {
        _buffer.ResetWrittenCount();
        _writer.Reset(_buffer);
        JsonSchemaCustomer.WriteJson(_writer, _customer);
        _writer.Flush();
        return _buffer.WrittenSpan.ToArray();
    }

    [Benchmark(Description = "serialize: bare codec + NJsonSchema validation")]
    [BenchmarkCategory("serialize")]
    public byte[] CodecValidated()
    {
        var bytes = Codec();
        return _schema.Validate(Encoding.UTF8.GetString(bytes)).Count == 0 ? bytes : [];
    }

    [Benchmark(Description = "serialize: JsonSchemaConverter")]
    [BenchmarkCategory("serialize")]
    public byte[]? Converter() => _converter.FromConnectData("customers", _customer);

    [Benchmark(Baseline = true, Description = "deserialize: bare codec")]
    [BenchmarkCategory("deserialize")]
    public JsonSchemaCustomer DecodeBare()
    {
        var reader = new Utf8JsonReader(_bare);
        reader.Read();
        return JsonSchemaCustomer.ReadJson(ref reader);
    }

    [Benchmark(Description = "deserialize: bare codec + NJsonSchema validation")]
    [BenchmarkCategory("deserialize")]
    public JsonSchemaCustomer? DecodeBareValidated() =>
        _schema.Validate(Encoding.UTF8.GetString(_bare)).Count == 0 ? DecodeBare() : null;

    [Benchmark(Description = "deserialize: JsonSchemaConverter")]
    [BenchmarkCategory("deserialize")]
    public JsonSchemaCustomer? DecodeConverter() => _converter.ToConnectData("customers", _framed);
}
