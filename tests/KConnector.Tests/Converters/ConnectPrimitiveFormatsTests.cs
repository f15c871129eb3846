using System.Buffers.Binary;
using System.Text;
using KConnector.Converters;
using KConnector.SchemaRegistry;

namespace KConnector.Tests.Converters;

/// <summary>
/// <see cref="ConverterFormats.ConnectPrimitive{T}"/>: the converters of a primitive a compiled
/// chain makes the key or value. The AvroConverter registers the primitive's schema (AvroData's of
/// the Connect primitive schema) under the strategy's subject and writes the Avro datum (an
/// optional one's union branch first) in Confluent's wire format; the JsonConverter writes
/// Connect's envelope of it or the bare value; the StringConverter a string, or a number,
/// boolean or Timestamp/Date/Time's Java toString().
/// </summary>
public class ConnectPrimitiveFormatsTests
{
    private static IConverter<T> Create<T>(
        string className,
        string schema,
        bool isKey = false,
        params (string Key, string Value)[] settings
    )
    {
        var config = settings.ToDictionary(s => s.Key, s => s.Value);
        return ConverterFactory.Create(
            className,
            config,
            isKey,
            ConverterFormats.ConnectPrimitive<T>(schema)
        );
    }

    private static (string, string) Registry(string scope) =>
        ("schema.registry.url", "mock://" + scope);

    [Fact]
    public async Task Avro_Long_RegistersTheSchemaUnderTopicValue_AndWritesTheDatum()
    {
        var scope = Guid.NewGuid().ToString();
        var converter = Create<long?>(
            ConverterFactory.AvroConverterClass,
            "\"long\"",
            settings: Registry(scope)
        );

        var bytes = converter.FromConnectData("amounts", 3)!;

        var registered = await new MockSchemaRegistryClient(scope).GetLatestSchemaAsync(
            "amounts-value",
            default
        );
        Assert.Equal("\"long\"", registered.Schema.SchemaString);
        Assert.Equal(0, bytes[0]);
        Assert.Equal(registered.Id, BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(1)));
        Assert.Equal(new byte[] { 6 }, bytes[5..]);
        Assert.Equal(3, converter.ToConnectData("amounts", bytes));
        Assert.Null(converter.FromConnectData("amounts", null));
    }

    [Fact]
    public async Task Avro_ANamedPrimitive_RegistersItsConnectNameAndVersion_AndWritesThePlainDatum()
    {
        var scope = Guid.NewGuid().ToString();
        const string named =
            "{\"type\": \"double\", \"connect.version\": 2, \"connect.name\": \"plant.Amount\"}";
        var converter = Create<double?>(
            ConverterFactory.AvroConverterClass,
            named,
            settings: Registry(scope)
        );

        var bytes = converter.FromConnectData("amounts", 0.5)!;

        var registered = await new MockSchemaRegistryClient(scope).GetLatestSchemaAsync(
            "amounts-value",
            default
        );
        Assert.Equal(named, registered.Schema.SchemaString);
        Assert.Equal(BitConverter.GetBytes(0.5), bytes[5..]);
        Assert.Equal(0.5, converter.ToConnectData("amounts", bytes));
    }

    [Fact]
    public async Task Avro_OptionalStringKey_IsTheUnionsSecondBranch_UnderTopicKey()
    {
        var scope = Guid.NewGuid().ToString();
        var converter = Create<string>(
            ConverterFactory.AvroConverterClass,
            "[\"null\", \"string\"]",
            isKey: true,
            Registry(scope)
        );

        var bytes = converter.FromConnectData("notes", "h")!;

        Assert.Equal(
            "[\"null\", \"string\"]",
            (await new MockSchemaRegistryClient(scope).GetLatestSchemaAsync("notes-key", default))
                .Schema
                .SchemaString
        );
        Assert.Equal(new byte[] { 2, 2, (byte)'h' }, bytes[5..]);
        Assert.Equal("h", converter.ToConnectData("notes", bytes));
    }

    [Fact]
    public void Avro_Timestamp_IsItsEpochMilliseconds()
    {
        var converter = Create<DateTimeOffset?>(
            ConverterFactory.AvroConverterClass,
            Timestamp,
            settings: Registry(Guid.NewGuid().ToString())
        );
        var taken = DateTimeOffset.FromUnixTimeMilliseconds(1709296496789);

        var bytes = converter.FromConnectData("readings", taken)!;

        var reader = new KConnector.Avro.AvroReader(bytes.AsSpan(5));
        Assert.Equal(1709296496789, reader.ReadLong("taken"));
        Assert.Equal(taken, converter.ToConnectData("readings", bytes));
    }

    private const string Timestamp =
        "{\"type\": \"long\", \"connect.version\": 1, \"connect.name\": \"org.apache.kafka.connect.data.Timestamp\", \"logicalType\": \"timestamp-millis\"}";

    public static TheoryData<string, object, string> JsonEnvelopes =>
        new()
        {
            {
                "\"long\"",
                3L,
                "{\"schema\":{\"type\":\"int64\",\"optional\":false},\"payload\":3}"
            },
            {
                "[\"null\", \"double\"]",
                1.5d,
                "{\"schema\":{\"type\":\"double\",\"optional\":true},\"payload\":1.5}"
            },
            {
                "{\"type\": \"int\", \"connect.type\": \"int16\"}",
                7,
                "{\"schema\":{\"type\":\"int16\",\"optional\":false},\"payload\":7}"
            },
            {
                "\"boolean\"",
                true,
                "{\"schema\":{\"type\":\"boolean\",\"optional\":false},\"payload\":true}"
            },
            {
                Timestamp,
                DateTimeOffset.FromUnixTimeMilliseconds(1709296496789),
                "{\"schema\":{\"type\":\"int64\",\"optional\":false,\"name\":\"org.apache.kafka.connect.data.Timestamp\",\"version\":1},\"payload\":1709296496789}"
            },
            {
                // SetSchemaMetadata named and versioned: Connect's envelope carries both.
                "{\"type\": \"int\", \"connect.version\": 3, \"connect.name\": \"plant.Count\", \"connect.type\": \"int16\"}",
                7,
                "{\"schema\":{\"type\":\"int16\",\"optional\":false,\"name\":\"plant.Count\",\"version\":3},\"payload\":7}"
            },
            {
                "\"bytes\"",
                new byte[] { 1, 2, 255 },
                "{\"schema\":{\"type\":\"bytes\",\"optional\":false},\"payload\":\"AQL/\"}"
            },
        };

    [Theory]
    [MemberData(nameof(JsonEnvelopes))]
    public void Json_WritesConnectsEnvelope_OrTheBareValue(string schema, object value, string json)
    {
        Assert.Equal(json, Json(schema, value, schemasEnable: true));
        var payload = json[(json.IndexOf("\"payload\":", StringComparison.Ordinal) + 10)..^1];
        Assert.Equal(payload, Json(schema, value, schemasEnable: false));
    }

    // The JsonConverter's text for value, through ConnectPrimitive<T> of the value's own type.
    private static string Json(string schema, object value, bool schemasEnable)
    {
        var enable = ("schemas.enable", schemasEnable ? "true" : "false");
        byte[]? bytes = value switch
        {
            long l => Create<long?>(ConverterFactory.JsonConverterClass, schema, false, enable)
                .FromConnectData("t", l),
            double d => Create<double?>(ConverterFactory.JsonConverterClass, schema, false, enable)
                .FromConnectData("t", d),
            int i => Create<int?>(ConverterFactory.JsonConverterClass, schema, false, enable)
                .FromConnectData("t", i),
            bool b => Create<bool?>(ConverterFactory.JsonConverterClass, schema, false, enable)
                .FromConnectData("t", b),
            DateTimeOffset t => Create<DateTimeOffset?>(
                    ConverterFactory.JsonConverterClass,
                    schema,
                    false,
                    enable
                )
                .FromConnectData("t", t),
            _ => Create<byte[]>(ConverterFactory.JsonConverterClass, schema, false, enable)
                .FromConnectData("t", (byte[])value),
        };
        return Encoding.UTF8.GetString(bytes!);
    }

    [Fact]
    public void Json_ReadsTheEnvelopeBack()
    {
        var converter = Create<long?>(ConverterFactory.JsonConverterClass, "[\"null\", \"long\"]");

        Assert.Equal(
            42,
            converter.ToConnectData(
                "t",
                "{\"schema\":{\"type\":\"int64\",\"optional\":true},\"payload\":42}"u8.ToArray()
            )
        );
    }

    [Fact]
    public void StringConverter_TakesAString_AndWritesANumbersJavaText_NotBytes()
    {
        var text = Create<string>(ConverterFactory.StringConverterClass, "\"string\"");
        Assert.Equal("m-1"u8.ToArray(), text.FromConnectData("t", "m-1"));

        var numbers = Create<double?>(ConverterFactory.StringConverterClass, "\"double\"");
        Assert.Equal("1.0E7"u8.ToArray(), numbers.FromConnectData("t", 1e7));
        Assert.Null(numbers.FromConnectData("t", null));
        Assert.Equal(12.5, numbers.ToConnectData("t", "12.5"u8.ToArray()));

        // byte[] has no Java text (its toString() is an identity hash): refused, naming the key.
        var error = Assert.Throws<ArgumentException>(() =>
            Create<byte[]>(ConverterFactory.StringConverterClass, "\"bytes\"")
        );
        Assert.Contains("value.converter", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void StringConverter_OfATimestamp_WritesJavasDateText_InTheConfiguredEncoding()
    {
        var converter = Create<DateTimeOffset?>(
            ConverterFactory.StringConverterClass,
            "{\"type\": \"long\", \"logicalType\": \"timestamp-millis\"}",
            false,
            ("converter.encoding", "UTF-16BE")
        );
        var at = new DateTimeOffset(2024, 3, 1, 12, 34, 56, 789, TimeSpan.Zero);

        var bytes = converter.FromConnectData("t", at);

        Assert.Equal(Encoding.BigEndianUnicode.GetBytes("Fri Mar 01 12:34:56 UTC 2024"), bytes);
        // Date.toString() prints whole seconds: the milliseconds do not come back.
        Assert.Equal(at.AddMilliseconds(-789), converter.ToConnectData("t", bytes));
    }

    [Fact]
    public void StringConverter_ReadingTextThatIsNoNumber_FailsNamingTheTopic()
    {
        var converter = Create<long?>(ConverterFactory.StringConverterClass, "\"long\"");

        var error = Assert.Throws<DataException>(() =>
            converter.ToConnectData("orders", "twelve"u8.ToArray())
        );
        Assert.Contains("'orders'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ATypeThatIsNoConnectPrimitive_IsRefused() =>
        Assert.Throws<ArgumentException>(() =>
            ConverterFormats.ConnectPrimitive<Guid>("\"string\"")
        );
}
