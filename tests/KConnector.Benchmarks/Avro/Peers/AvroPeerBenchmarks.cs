using System.Buffers;
using System.Text.Json;
using Avro.Generic;
using Avro.IO;
using Avro.Specific;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Confluent.Kafka;
using Confluent.SchemaRegistry.Serdes;
using KConnector.Avro;
using KConnector.Converters;
using KConnector.SchemaRegistry;

namespace KConnector.Benchmarks.Avro.Peers;

/// <summary>
/// The generated codec and AvroConverter beside their peers on bench-order.avsc: Apache.Avro's
/// specific and generic readers and writers (bare Avro), Confluent's AvroSerializer /
/// AvroDeserializer (framed, against an in-process one-schema registry), and System.Text.Json's
/// source-generated serializer on the same record. Each category's baseline is Apache.Avro's
/// specific API (Confluent's specific serdes for the framed ones). The setup throws unless every
/// Avro implementation writes the same bytes (framed ones compared past the 5-byte header, whose
/// schema id is each registry's own) and every reader reads the record back.
/// Run: dotnet run -c Release --project tests/KConnector.Benchmarks -- --filter '*AvroPeer*' --job short
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public partial class AvroPeerBenchmarks
{
    private const string Topic = "orders";
    private static readonly SerializationContext Value = new(MessageComponentType.Value, Topic);
    private readonly ArrayBufferWriter<byte> _buffer = new(4096);
    private readonly MemoryStream _stream = new(4096);
    private readonly BenchOrder _order = BenchOrderSample.Order();
    private readonly BenchOrderPoco _poco = BenchOrderSample.Poco();
    private readonly ApacheBenchOrder _specific = BenchOrderSample.Specific();
    private GenericRecord _generic = null!;
    private SpecificDatumWriter<ApacheBenchOrder> _specificWriter = null!;
    private SpecificDatumReader<ApacheBenchOrder> _specificReader = null!;
    private GenericDatumWriter<GenericRecord> _genericWriter = null!;
    private GenericDatumReader<GenericRecord> _genericReader = null!;
    private AvroConverter<BenchOrder> _converter = null!;
    private AvroSerializer<ApacheBenchOrder> _confluentSerializer = null!;
    private AvroDeserializer<ApacheBenchOrder> _confluentDeserializer = null!;
    private AvroSerializer<GenericRecord> _confluentGenericSerializer = null!;
    private AvroDeserializer<GenericRecord> _confluentGenericDeserializer = null!;
    private StubRegistry _registry = null!;
    private byte[] _avro = [];
    private byte[] _framed = [];
    private byte[] _json = [];

    [GlobalSetup]
    public void Setup()
    {
        var schema = ApacheBenchOrder._SCHEMA;
        _specificWriter = new SpecificDatumWriter<ApacheBenchOrder>(schema);
        _specificReader = new SpecificDatumReader<ApacheBenchOrder>(schema, schema);
        _genericWriter = new GenericDatumWriter<GenericRecord>(schema);
        _genericReader = new GenericDatumReader<GenericRecord>(schema, schema);
        _generic = BenchOrderSample.Generic(schema);
        var scope = "peers-" + Guid.NewGuid();
        _converter = new AvroConverter<BenchOrder>(
            new MockSchemaRegistryClient(scope),
            ConverterConfig.ForMockRegistry(scope, false)
        );
        var registry = StubRegistry.For(schema.ToString());
        _registry = StubRegistry.Of(registry);
        _confluentSerializer = new AvroSerializer<ApacheBenchOrder>(registry);
        _confluentDeserializer = new AvroDeserializer<ApacheBenchOrder>(registry);
        _confluentGenericSerializer = new AvroSerializer<GenericRecord>(registry);
        _confluentGenericDeserializer = new AvroDeserializer<GenericRecord>(registry);
        _avro = Bytes(GeneratedEncode);
        _framed = ConverterSerialize()!;
        _json = Bytes(StjSerialize);
        LocateStrings();
        CheckAgreement();
        PrintRegistryCalls();
        Console.WriteLine(
            $"// bench-order: {_avro.Length} bytes of Avro ({_framed.Length} framed), {_json.Length} bytes of JSON"
        );
    }

    private byte[] Bytes(Func<int> encode)
    {
        encode();
        return _buffer.WrittenCount > 0 && _stream.Length == 0
            ? _buffer.WrittenSpan.ToArray()
            : _stream.ToArray();
    }

    [Benchmark(Baseline = true, Description = "encode: Apache.Avro specific")]
    [BenchmarkCategory("encode")]
    public int ApacheSpecificEncode()
    {
        Reset();
        _specificWriter.Write(_specific, new BinaryEncoder(_stream));
        return (int)_stream.Length;
    }

    [Benchmark(Description = "encode: Apache.Avro generic")]
    [BenchmarkCategory("encode")]
    public int ApacheGenericEncode()
    {
        Reset();
        _genericWriter.Write(_generic, new BinaryEncoder(_stream));
        return (int)_stream.Length;
    }

    [Benchmark(Description = "encode: KConnector generated")]
    [BenchmarkCategory("encode")]
    public int GeneratedEncode()
    {
        Reset();
        var writer = new AvroWriter(_buffer);
        BenchOrder.Encode(ref writer, _order);
        return _buffer.WrittenCount;
    }

    [Benchmark(Description = "encode: System.Text.Json source-gen")]
    [BenchmarkCategory("encode")]
    public int StjSerialize()
    {
        Reset();
        using var json = new Utf8JsonWriter(_buffer);
        JsonSerializer.Serialize(json, _poco, BenchJsonContext.Default.BenchOrderPoco);
        json.Flush();
        return _buffer.WrittenCount;
    }

    [Benchmark(Baseline = true, Description = "decode: Apache.Avro specific")]
    [BenchmarkCategory("decode")]
    public ApacheBenchOrder ApacheSpecificDecode() =>
        _specificReader.Read(null!, new BinaryDecoder(new MemoryStream(_avro, false)));

    [Benchmark(Description = "decode: Apache.Avro generic")]
    [BenchmarkCategory("decode")]
    public GenericRecord ApacheGenericDecode() =>
        _genericReader.Read(null!, new BinaryDecoder(new MemoryStream(_avro, false)));

    [Benchmark(Description = "decode: KConnector generated")]
    [BenchmarkCategory("decode")]
    public BenchOrder GeneratedDecode()
    {
        var reader = new AvroReader(_avro);
        return BenchOrder.Decode(ref reader);
    }

    [Benchmark(Description = "decode: System.Text.Json source-gen")]
    [BenchmarkCategory("decode")]
    public BenchOrderPoco? StjDeserialize() =>
        JsonSerializer.Deserialize(_json, BenchJsonContext.Default.BenchOrderPoco);

    [Benchmark(
        Baseline = true,
        Description = "serialize framed: Confluent AvroSerializer specific"
    )]
    [BenchmarkCategory("serialize")]
    public byte[] ConfluentSerialize() =>
        _confluentSerializer.SerializeAsync(_specific, Value).GetAwaiter().GetResult();

    [Benchmark(Description = "serialize framed: Confluent AvroSerializer generic")]
    [BenchmarkCategory("serialize")]
    public byte[] ConfluentGenericSerialize() =>
        _confluentGenericSerializer.SerializeAsync(_generic, Value).GetAwaiter().GetResult();

    [Benchmark(Description = "serialize framed: KConnector AvroConverter")]
    [BenchmarkCategory("serialize")]
    public byte[]? ConverterSerialize() => _converter.FromConnectData(Topic, _order);

    [Benchmark(
        Baseline = true,
        Description = "deserialize framed: Confluent AvroDeserializer specific"
    )]
    [BenchmarkCategory("deserialize")]
    public ApacheBenchOrder ConfluentDeserialize() =>
        _confluentDeserializer.DeserializeAsync(_framed, false, Value).GetAwaiter().GetResult();

    [Benchmark(Description = "deserialize framed: Confluent AvroDeserializer generic")]
    [BenchmarkCategory("deserialize")]
    public GenericRecord ConfluentGenericDeserialize() =>
        _confluentGenericDeserializer
            .DeserializeAsync(_framed, false, Value)
            .GetAwaiter()
            .GetResult();

    [Benchmark(Description = "deserialize framed: KConnector AvroConverter")]
    [BenchmarkCategory("deserialize")]
    public BenchOrder? ConverterDeserialize() => _converter.ToConnectData(Topic, _framed);

    private void Reset()
    {
        _buffer.ResetWrittenCount();
        _stream.SetLength(0);
    }
}
