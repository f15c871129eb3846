using Avro.Generic;
using Confluent.Kafka;
using Confluent.SchemaRegistry;
using Confluent.SchemaRegistry.Serdes;
using KConnector.Converters;
using KConnector.Interop;
using KConnector.SchemaRegistry.Confluent;
using KConnector.Testing.SchemaRegistry;
using ConfluentRegistryClient = Confluent.SchemaRegistry.CachedSchemaRegistryClient;

namespace KConnector.Interop.Tests;

/// <summary>
/// Issue 20, item 12: Confluent's .NET serdes (Confluent.SchemaRegistry.Serdes.Avro and .Json
/// 2.16.0) and KConnector's converters, each reading what the other wrote, both clients talking
/// over HTTP to ONE Kestrel registry, so the registry protocol between them is exercised: the same
/// schema printed differently by the two clients gets one id, as in Confluent's registry. And a
/// Confluent client handed to KConnector's converters through <see cref="ConfluentSchemaRegistryClientAdapter"/>.
/// </summary>
public sealed class ConfluentDotNetSerdesTests : IAsyncLifetime
{
    private const string Topic = "payments";
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

    private static readonly Payment Ours = new()
    {
        Id = "p-kconnector",
        AmountCents = 9_007_199_254_740_000,
        Attempts = -2,
        Rate = 1.5,
        Captured = false,
        Token = [0, 1, 254, 255],
        Memo = "from KConnector",
    };

    [Fact]
    public async Task ConfluentWritesAvro_KConnectorReadsIt_AndBothGetOneIdForTheSchema()
    {
        var schema = (global::Avro.RecordSchema)global::Avro.Schema.Parse(Payment.AvroSchemaJson);
        var record = new GenericRecord(schema);
        record.Add("id", "p-confluent");
        record.Add("amount_cents", 123456789012L);
        record.Add("attempts", 3);
        record.Add("rate", 0.125);
        record.Add("captured", true);
        record.Add("token", new byte[] { 9, 8, 7 });
        record.Add("memo", null);

        var written = await new AvroSerializer<GenericRecord>(_confluent).SerializeAsync(
            record,
            new SerializationContext(MessageComponentType.Value, Topic)
        );
        var converter = OurAvro();
        var read = converter.ToConnectData(Topic, written)!;
        var ours = converter.FromConnectData(Topic, Ours)!;

        Assert.Equal("p-confluent", read.Id);
        Assert.Equal(123456789012L, read.AmountCents);
        Assert.Equal([9, 8, 7], read.Token);
        Assert.Null(read.Memo);
        // Apache.Avro prints the schema otherwise than the .avsc KConnector registers; one id all the same.
        Assert.Equal(written[..5], ours[..5]);
    }

    [Fact]
    public async Task KConnectorWritesAvro_ConfluentReadsIt()
    {
        var written = OurAvro().FromConnectData(Topic, Ours)!;

        var read = await new AvroDeserializer<GenericRecord>(_confluent).DeserializeAsync(
            written,
            isNull: false,
            new SerializationContext(MessageComponentType.Value, Topic)
        );

        Assert.Equal("p-kconnector", read["id"]);
        Assert.Equal(9_007_199_254_740_000L, read["amount_cents"]);
        Assert.Equal(-2, read["attempts"]);
        Assert.Equal(new byte[] { 0, 1, 254, 255 }, read["token"]);
        Assert.Equal("from KConnector", read["memo"]);
    }

    [Fact]
    public async Task ConfluentsClient_ThroughTheAdapter_RunsKConnectorsConverter_BothWays()
    {
        var converter = new AvroConverter<Payment>(
            new ConfluentSchemaRegistryClientAdapter(_confluent),
            isKey: false
        );

        var written = converter.FromConnectData(Topic, Ours)!;
        var back = converter.ToConnectData(Topic, written);
        var confluentRead = await new AvroDeserializer<GenericRecord>(_confluent).DeserializeAsync(
            written,
            isNull: false,
            new SerializationContext(MessageComponentType.Value, Topic)
        );

        Assert.Equal(Ours with { Token = back!.Token }, back);
        Assert.Equal("p-kconnector", confluentRead["id"]);
        Assert.Contains(
            _registry.Requests,
            r =>
                r.Method == "POST"
                // Confluent's client adds ?normalize=False.
                && r.Path.StartsWith("/subjects/payments-value/versions", StringComparison.Ordinal)
        );
    }

    [Fact]
    public async Task TheAdapter_KeepsKConnectorsErrorContract_ForAnUnknownId()
    {
        var converter = new AvroConverter<Payment>(
            new ConfluentSchemaRegistryClientAdapter(_confluent),
            isKey: false
        );

        var error = Assert.Throws<DataException>(() =>
            converter.ToConnectData(Topic, [0, 0, 0, 0, 99, 0])
        );

        Assert.Contains("'payments'", error.Message, StringComparison.Ordinal);
        var cause = Assert.IsType<KConnector.SchemaRegistry.SchemaRegistryException>(
            error.InnerException
        );
        Assert.Equal(40403, cause.ErrorCode);
        Assert.False(cause.IsUnavailable);
        await Task.CompletedTask;
    }

    [Fact]
    public async Task TheAdapter_MarksAnUnreachableRegistryAsUnavailable_SoTheWorkerWaits()
    {
        await _registry.StopAsync();
        using var unreachable = new ConfluentRegistryClient(
            new SchemaRegistryConfig
            {
                Url = _registry.Url,
                MaxRetries = 1,
                RetriesWaitMs = 10,
            }
        );
        var converter = new AvroConverter<Payment>(
            new ConfluentSchemaRegistryClientAdapter(unreachable),
            isKey: false
        );

        var error = Assert.Throws<KConnector.Errors.DependencyUnavailableException>(() =>
            converter.FromConnectData(Topic, Ours)
        );

        Assert.Equal("the Schema Registry", error.Dependency);
        await _registry.RestartAsync();
    }

    private IConverter<Payment> OurAvro() =>
        ConverterFactory.FromWorkerConfig(
            new Dictionary<string, string>
            {
                ["value.converter"] = "io.confluent.connect.avro.AvroConverter",
                ["value.converter.schema.registry.url"] = _registry.Url,
            },
            isKey: false,
            ConverterFormats.AvroRecord<Payment>()
        );
}
