using System.Buffers.Binary;
using KConnector.Converters;
using KConnector.SchemaRegistry;
using KConnector.Tests.Avro;

namespace KConnector.Tests.Converters;

public class AvroConverterConfigTests
{
    private static readonly GoldenOrder Order = new()
    {
        OrderId = "O",
        CustomerId = 1,
        Quantity = 1,
        UnitPrice = 1,
        Express = false,
        Weight = 1,
        Signature = [],
    };

    private static ConverterConfig Config(string scope, bool isKey, params (string, string)[] extra)
    {
        var config = new Dictionary<string, string> { ["schema.registry.url"] = "mock://" + scope };
        foreach (var (k, v) in extra)
        {
            config[k] = v;
        }
        return ConverterConfig.From(config, isKey);
    }

    [Theory]
    [InlineData(false, "value.subject.name.strategy", "TopicNameStrategy", "orders-value")]
    [InlineData(true, "key.subject.name.strategy", "TopicNameStrategy", "orders-key")]
    [InlineData(
        false,
        "value.subject.name.strategy",
        "io.confluent.kafka.serializers.subject.RecordNameStrategy",
        "KConnector.Tests.Avro.GoldenOrder"
    )]
    [InlineData(
        false,
        "value.subject.name.strategy",
        "io.confluent.kafka.serializers.subject.TopicRecordNameStrategy",
        "orders-KConnector.Tests.Avro.GoldenOrder"
    )]
    public async Task SubjectNameStrategy_ChoosesTheSubject(
        bool isKey,
        string key,
        string strategy,
        string subject
    )
    {
        var scope = Guid.NewGuid().ToString();
        var registry = new MockSchemaRegistryClient(scope);
        var converter = new AvroConverter<GoldenOrder>(
            registry,
            Config(scope, isKey, (key, strategy))
        );

        converter.FromConnectData("orders", Order);

        Assert.Equal(
            GoldenOrder.AvroSchemaJson,
            (await registry.GetLatestSchemaAsync(subject, default)).Schema.SchemaString
        );
    }

    [Fact]
    public void AutoRegisterOff_AndTheSchemaAbsent_NamesTheSubjectAndTopic()
    {
        var scope = Guid.NewGuid().ToString();
        var converter = new AvroConverter<GoldenOrder>(
            new MockSchemaRegistryClient(scope),
            Config(scope, false, ("auto.register.schemas", "false"))
        );

        var error = Assert.Throws<DataException>(() => converter.FromConnectData("orders", Order));

        Assert.Contains("subject 'orders-value' for topic 'orders'", error.Message);
    }

    [Fact]
    public async Task AutoRegisterOff_FindsTheRegisteredSchemasId()
    {
        var scope = Guid.NewGuid().ToString();
        var registry = new MockSchemaRegistryClient(scope);
        await registry.RegisterSchemaAsync("other", "\"string\"", default);
        var id = await registry.RegisterSchemaAsync(
            "orders-value",
            GoldenOrder.AvroSchemaJson,
            default
        );
        var converter = new AvroConverter<GoldenOrder>(
            registry,
            Config(scope, false, ("auto.register.schemas", "false"))
        );

        var bytes = converter.FromConnectData("orders", Order)!;

        Assert.Equal(id, BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(1)));
    }

    [Fact]
    public async Task UseLatestVersion_WritesTheSubjectsLatestId()
    {
        var scope = Guid.NewGuid().ToString();
        var registry = new MockSchemaRegistryClient(scope);
        await registry.RegisterSchemaAsync("orders-value", GoldenOrder.AvroSchemaJson, default);
        var latest = await registry.RegisterSchemaAsync(
            "orders-value",
            "{\"type\":\"record\",\"name\":\"GoldenOrder\",\"fields\":[]}",
            default
        );
        var converter = new AvroConverter<GoldenOrder>(
            registry,
            Config(scope, false, ("auto.register.schemas", "false"), ("use.latest.version", "true"))
        );

        var bytes = converter.FromConnectData("orders", Order)!;

        Assert.Equal(latest, BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(1)));
    }
}
