using System.Text;
using KConnector.Converters;
using KConnector.Converters.Headers;
using KConnector.Converters.Plugins;
using KConnector.Errors;
using KConnector.Worker;

namespace KConnector.Tests.Converters;

/// <summary>
/// The header converters <c>header.converter</c> may name, as in Kafka Connect: the
/// SimpleHeaderConverter (the default), and the StringConverter and ByteArrayConverter, which are
/// header converters too; any other name is refused naming the key and the valid ones.
/// </summary>
public sealed class HeaderConvertersTests
{
    [Theory]
    [InlineData(null, typeof(SimpleHeaderConverter))]
    [InlineData("", typeof(SimpleHeaderConverter))]
    [InlineData("SimpleHeaderConverter", typeof(SimpleHeaderConverter))]
    [InlineData("org.apache.kafka.connect.storage.StringConverter", typeof(StringConverter))]
    [InlineData("String", typeof(StringConverter))]
    [InlineData("ByteArrayConverter", typeof(ByteArrayConverter))]
    public void EachHeaderConverterName_BuildsIt(string? name, Type expected) =>
        Assert.IsType(expected, ConverterFactory.CreateHeaderConverter(name));

    [Theory]
    [InlineData("AvroConverter")]
    [InlineData("io.confluent.connect.protobuf.ProtobufConverter")]
    [InlineData("com.acme.FancyHeaderConverter")]
    public void AnotherName_IsRefusedAtParse_NamingTheKeyAndTheValidOnes(string name)
    {
        var error = Assert.Throws<ConfigException>(() =>
            ConnectorConfig.Parse(
                new Dictionary<string, string> { ["name"] = "c", ["header.converter"] = name }
            )
        );

        Assert.Equal("header.converter", error.Key);
        Assert.Contains(name, error.Message);
        Assert.Contains("org.apache.kafka.connect.storage.SimpleHeaderConverter", error.Message);
        Assert.Contains("org.apache.kafka.connect.converters.ByteArrayConverter", error.Message);
    }

    [Fact]
    public void TheCatalog_ListsTheSimpleHeaderConverterFirst_ThenTheConvertersThatAreAlsoOne() =>
        Assert.Equal(
            [
                "org.apache.kafka.connect.storage.SimpleHeaderConverter",
                "org.apache.kafka.connect.storage.StringConverter",
                "org.apache.kafka.connect.converters.ByteArrayConverter",
            ],
            ConverterPlugins.HeaderConverters.Select(p => p.ClassName)
        );

    [Fact]
    public void WorkerOptions_UseTheSimpleHeaderConverterByDefault() =>
        Assert.IsType<SimpleHeaderConverter>(
            ConnectorConfig
                .Parse(new Dictionary<string, string> { ["name"] = "c" })
                .ToWorkerOptions(0, "127.0.0.1:9092", isSink: false)
                .HeaderConverter
        );

    [Fact]
    public void StringConverter_WritesTheStringForm_ReadsAString()
    {
        IHeaderConverter converter = new StringConverter();

        Assert.Equal(
            "42",
            Encoding.UTF8.GetString(
                converter.FromConnectHeader(
                    "t",
                    "n",
                    HeaderValue.FromInteger(HeaderValueType.Int32, 42)
                )!
            )
        );
        Assert.Equal(
            HeaderValue.FromString("42"),
            converter.ToConnectHeader("t", "n", "42"u8.ToArray())
        );
        Assert.Null(converter.FromConnectHeader("t", "n", HeaderValue.Null));
    }

    [Fact]
    public void ByteArrayConverter_PassesBytes_RefusesATypedValueNamingTheHeader()
    {
        IHeaderConverter converter = new ByteArrayConverter();
        byte[] raw = [0, 0xff];

        Assert.Same(raw, converter.FromConnectHeader("t", "n", HeaderValue.FromBytes(raw)));
        Assert.Equal(raw, converter.ToConnectHeader("t", "n", raw).Bytes);
        var error = Assert.Throws<DataException>(() =>
            converter.FromConnectHeader("t", "trace", HeaderValue.FromString("x"))
        );
        Assert.Contains("'trace'", error.Message);
        Assert.Contains("BYTES", error.Message);
    }
}
