using Confluent.Kafka;
using Confluent.SchemaRegistry;
using Confluent.SchemaRegistry.Serdes;
using KConnector.Converters;
using KConnector.Interop;
using KConnector.JsonSchema;
using KConnector.SchemaRegistry.Confluent;
using KConnector.Testing.SchemaRegistry;
using ConfluentRegistryClient = Confluent.SchemaRegistry.CachedSchemaRegistryClient;
using ConfluentSchema = Confluent.SchemaRegistry.Schema;
using ConfluentSchemaType = Confluent.SchemaRegistry.SchemaType;

namespace KConnector.Interop.Tests;

/// <summary>
/// Issue 20, item 12 (the JSON Schema half): Confluent's .NET JSON serdes
/// (Confluent.SchemaRegistry.Serdes.Json 2.16.0, on NJsonSchema 11 as KConnector's runtime is) and
/// KConnector's <c>io.confluent.connect.json.JsonSchemaConverter</c>, each reading what the other
/// wrote, both clients talking over HTTP to ONE Kestrel registry: same subject, same schema id,
/// Confluent's wire format (magic byte 0, 4-byte id, the JSON text).
/// </summary>
public sealed class ConfluentDotNetJsonSerdesTests : IAsyncLifetime
{
    private const string Topic = "shipments";
    private static readonly SerializationContext ValueContext = new(
        MessageComponentType.Value,
        Topic
    );
    private SchemaRegistryTestServer _registry = null!;
    private ConfluentRegistryClient _confluent = null!;

    public async Task InitializeAsync()
    {
        _registry = await SchemaRegistryTestServer.StartAsync();
        _confluent = new ConfluentRegistryClient(new SchemaRegistryConfig { Url = _registry.Url });
    }

    public async Task DisposeAsync()
    {
        _confluent.Dispose();
        await _registry.DisposeAsync();
    }

    private static readonly Shipment Ours = new()
    {
        Id = "s-kconnector",
        WeightGrams = 9_007_199_254_740_000,
        Express = true,
        Price = 12.5,
        Note = null,
        Labels = ["fragile", "ünïcödé"],
    };

    [Fact]
    public async Task KConnectorWritesJsonSchema_ConfluentReadsIt_AsTheSameShipment()
    {
        var written = OurJsonSchema().FromConnectData(Topic, Ours)!;

        var read = await ConfluentReader().DeserializeAsync(written, isNull: false, ValueContext);

        Assert.Equal("s-kconnector", read.Id);
        Assert.Equal(9_007_199_254_740_000, read.WeightGrams);
        Assert.True(read.Express);
        Assert.Equal(12.5, read.Price);
        Assert.Null(read.Note);
        Assert.Equal(["fragile", "ünïcödé"], read.Labels!);
        Assert.Contains(
            _registry.Requests,
            r =>
                r.Method == "POST"
                && r.Path.StartsWith("/subjects/shipments-value/versions", StringComparison.Ordinal)
        );
    }

    [Fact]
    public async Task ConfluentWritesJsonSchema_KConnectorReadsIt_AndBothGetOneIdForTheSchema()
    {
        var written = await ConfluentWriter().SerializeAsync(TheirShipment(), ValueContext);
        var converter = OurJsonSchema();

        var read = converter.ToConnectData(Topic, written)!;
        var ours = converter.FromConnectData(Topic, Ours)!;

        Assert.Equal(0, written[0]);
        Assert.Equal("s-confluent", read.Id);
        Assert.Equal(42_000, read.WeightGrams);
        Assert.False(read.Express);
        Assert.Null(read.Price);
        Assert.Equal("leave at the door", read.Note);
        Assert.Equal(["return"], read.Labels);
        // The same schema text registered by each client under one subject: one id.
        Assert.Equal(written[..5], ours[..5]);
    }

    [Fact]
    public async Task ConfluentWritesWithTheSchemaItGeneratesFromItsClass_KConnectorValidatesAgainstThatSchema()
    {
        // Without a schema given, Confluent's serializer registers one NJsonSchema 11 generates
        // from the class: KConnector fetches it by id and validates the payload against it.
        var writer = new JsonSerializer<ConfluentShipment>(
            _confluent,
            new JsonSerializerConfig { AutoRegisterSchemas = true }
        );
        var written = await writer.SerializeAsync(TheirShipment(), ValueContext);
        var converter = OurJsonSchema();

        var read = converter.ToConnectData(Topic, written)!;
        var ours = converter.FromConnectData(Topic, Ours)!;

        Assert.Equal("s-confluent", read.Id);
        Assert.Equal(["return"], read.Labels);
        Assert.NotEqual(written[..5], ours[..5]);
    }

    [Fact]
    public async Task ARecordBreakingTheRegisteredSchema_IsRejectedByBoth_NamingThePath()
    {
        // Registered by KConnector; a producer that skips validation writes weight_grams -1.
        var registered = OurJsonSchema().FromConnectData(Topic, Ours)!;
        var forged = registered[..5]
            .Concat("""{"id":"s-bad","weight_grams":-1,"express":true}"""u8.ToArray())
            .ToArray();

        var ours = Assert.Throws<JsonSchemaValidationException>(() =>
            OurJsonSchema().ToConnectData(Topic, forged)
        );
        var theirs = await Assert.ThrowsAsync<InvalidDataException>(() =>
            ConfluentReader().DeserializeAsync(forged, isNull: false, ValueContext)
        );

        Assert.Contains("weight_grams", ours.Message, StringComparison.Ordinal);
        Assert.Contains(ours.Errors, e => e is { Path: "$.weight_grams", Kind: "NumberTooSmall" });
        Assert.Contains("weight_grams", theirs.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConfluentsClient_ThroughTheAdapter_RunsKConnectorsJsonSchemaConverter()
    {
        var converter = new JsonSchemaConverter<Shipment>(
            new ConfluentSchemaRegistryClientAdapter(_confluent),
            ConverterConfig.From(new Dictionary<string, string>(), isKey: false)
        );

        var written = converter.FromConnectData(Topic, Ours)!;
        var back = converter.ToConnectData(Topic, written)!;
        var confluentRead = await ConfluentReader()
            .DeserializeAsync(written, isNull: false, ValueContext);

        Assert.Equal(Ours.Id, back.Id);
        Assert.Equal(Ours.Labels, back.Labels);
        Assert.Equal("s-kconnector", confluentRead.Id);
    }

    private static ConfluentShipment TheirShipment() =>
        new()
        {
            Id = "s-confluent",
            WeightGrams = 42_000,
            Express = false,
            Note = "leave at the door",
            Labels = ["return"],
        };

    private JsonSerializer<ConfluentShipment> ConfluentWriter() =>
        new(
            _confluent,
            new ConfluentSchema(Shipment.JsonSchemaText, ConfluentSchemaType.Json),
            new JsonSerializerConfig { AutoRegisterSchemas = true }
        );

    // Given the registry, Confluent's deserializer fetches the writer's schema by id and validates.
    private JsonDeserializer<ConfluentShipment> ConfluentReader() =>
        new(_confluent, new JsonDeserializerConfig { Validate = true });

    private IConverter<Shipment> OurJsonSchema() =>
        ConverterFactory.FromWorkerConfig(
            new Dictionary<string, string>
            {
                ["value.converter"] = ConverterFactory.JsonSchemaConverterClass,
                ["value.converter.schema.registry.url"] = _registry.Url,
            },
            isKey: false,
            ConverterFormats.JsonSchemaRecord<Shipment>()
        );
}
