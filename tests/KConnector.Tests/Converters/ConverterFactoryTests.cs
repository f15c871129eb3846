using System.Text;
using KConnector.Converters;
using KConnector.Converters.Headers;
using KConnector.Testing.JsonSchema;
using KConnector.Tests.Avro;
using KConnector.Tests.Converters.Protos;

namespace KConnector.Tests.Converters;

public class ConverterFactoryTests
{
    private static Dictionary<string, string> Registry() =>
        new() { ["schema.registry.url"] = "mock://" + Guid.NewGuid() };

    [Fact]
    public void EachKafkaConnectClassName_BuildsItsConverter()
    {
        var avro = ConverterFormats.AvroRecord<GoldenOrder>();

        Assert.IsType<AvroConverter<GoldenOrder>>(
            ConverterFactory.Create(
                "io.confluent.connect.avro.AvroConverter",
                Registry(),
                false,
                avro
            )
        );
        Assert.IsType<JsonConverter<GoldenOrder>>(
            ConverterFactory.Create(
                "org.apache.kafka.connect.json.JsonConverter",
                Registry(),
                false,
                avro
            )
        );
        Assert.IsType<ProtobufConverter<Order>>(
            ConverterFactory.Create(
                "io.confluent.connect.protobuf.ProtobufConverter",
                Registry(),
                false,
                ConverterFormats.ProtobufMessage<Order>(ProtoFiles.Shop)
            )
        );
        Assert.IsType<JsonSchemaConverter<JsonSchemaCustomer>>(
            ConverterFactory.Create(
                "io.confluent.connect.json.JsonSchemaConverter",
                Registry(),
                false,
                ConverterFormats.JsonSchemaRecord<JsonSchemaCustomer>()
            )
        );
        Assert.IsType<StringConverter>(
            ConverterFactory.Create(
                "org.apache.kafka.connect.storage.StringConverter",
                new Dictionary<string, string>(),
                true,
                ConverterFormats.None<string>()
            )
        );
        Assert.IsType<ByteArrayConverter>(
            ConverterFactory.Create(
                "org.apache.kafka.connect.converters.ByteArrayConverter",
                new Dictionary<string, string>(),
                true,
                ConverterFormats.None<byte[]>()
            )
        );
        Assert.IsType<SimpleHeaderConverter>(
            ConverterFactory.CreateHeaderConverter(
                "org.apache.kafka.connect.storage.SimpleHeaderConverter"
            )
        );
        Assert.IsType<SimpleHeaderConverter>(ConverterFactory.CreateHeaderConverter(null));
    }

    [Theory]
    [InlineData("AvroConverter", "io.confluent.connect.avro.AvroConverter")]
    [InlineData("avro", "io.confluent.connect.avro.AvroConverter")]
    [InlineData(" JsonSchema ", "io.confluent.connect.json.JsonSchemaConverter")]
    [InlineData("Json", "org.apache.kafka.connect.json.JsonConverter")]
    [InlineData("ByteArrayConverter", "org.apache.kafka.connect.converters.ByteArrayConverter")]
    [InlineData("String", "org.apache.kafka.connect.storage.StringConverter")]
    [InlineData("Protobuf", "io.confluent.connect.protobuf.ProtobufConverter")]
    [InlineData("com.acme.FancyConverter", "com.acme.FancyConverter")]
    public void SimpleNamesAndAliases_StandForTheirClass(string name, string className) =>
        Assert.Equal(className, ConverterFactory.ClassNameOf(name));

    [Fact]
    public void Alias_BuildsTheSameConverterAsTheClassName() =>
        Assert.IsType<JsonConverter<GoldenOrder>>(
            ConverterFactory.Create(
                "Json",
                new Dictionary<string, string>(),
                false,
                ConverterFormats.AvroRecord<GoldenOrder>()
            )
        );

    [Fact]
    public void UnknownClass_NamesValueConverterAndTheKnownClasses()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            ConverterFactory.Create(
                "com.acme.FancyConverter",
                Registry(),
                false,
                ConverterFormats.None<string>()
            )
        );

        Assert.Contains("'value.converter' is 'com.acme.FancyConverter'", error.Message);
        Assert.Contains("org.apache.kafka.connect.json.JsonConverter", error.Message);
    }

    [Fact]
    public void AClassTheTypeHasNoCodecFor_NamesKeyConverterAndTheType()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            ConverterFactory.Create(
                "io.confluent.connect.avro.AvroConverter",
                Registry(),
                true,
                ConverterFormats.None<string>()
            )
        );

        Assert.Contains("'key.converter'", error.Message);
        Assert.Contains("cannot convert String", error.Message);
    }

    [Fact]
    public void RegistryConverters_WithoutAUrl_NameThePrefixedKey()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            ConverterFactory.Create(
                "io.confluent.connect.avro.AvroConverter",
                new Dictionary<string, string>(),
                false,
                ConverterFormats.AvroRecord<GoldenOrder>()
            )
        );

        Assert.Contains("'value.converter.schema.registry.url' is required", error.Message);
    }

    [Fact]
    public void FromWorkerConfig_ReadsTheConvertersPrefixedSettings()
    {
        var worker = new Dictionary<string, string>
        {
            ["key.converter"] = "org.apache.kafka.connect.storage.StringConverter",
            ["key.converter.converter.encoding"] = "UTF-16BE",
            ["value.converter"] = "org.apache.kafka.connect.json.JsonConverter",
            ["value.converter.schemas.enable"] = "false",
        };

        var key = ConverterFactory.FromWorkerConfig(worker, true, ConverterFormats.None<string>());
        var value = ConverterFactory.FromWorkerConfig(
            worker,
            false,
            ConverterFormats.None<string>()
        );

        Assert.Equal("0041", Convert.ToHexStringLower(key.FromConnectData("t", "A")!));
        Assert.Equal("\"A\"", Encoding.UTF8.GetString(value.FromConnectData("t", "A")!));
    }

    [Theory]
    [InlineData("schemas.enable", "yes", "'schemas.enable' is 'yes'")]
    [InlineData("converter.encoding", "klingon", "'converter.encoding' is 'klingon'")]
    [InlineData("value.subject.name.strategy", "Nope", "'value.subject.name.strategy' is 'Nope'")]
    [InlineData("auto.register.schemas", "maybe", "'auto.register.schemas' is 'maybe'")]
    public void BadSettings_NameTheKey(string key, string value, string expected)
    {
        var error = Assert.Throws<KConnector.Configuration.ConfigValueException>(() =>
            ConverterConfig.From(new Dictionary<string, string> { [key] = value }, isKey: false)
        );

        Assert.Contains(expected, error.Message);
        Assert.Equal(key, error.Key);
    }
}
