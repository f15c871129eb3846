using System.Buffers;
using KConnector.Avro;
using Typed = KConnector.Tests.Avro.Model;
using Underlying = KConnector.Tests.Avro.Underlying;

namespace KConnector.Tests.Avro;

/// <summary>
/// Values a logical type's .NET type cannot hold (a date after 9999-12-31, a uuid string that is not
/// a UUID): by default a decode error naming the field; with KConnectorLogicalTypes="underlying"
/// the same record reads them as int, string, ... (issue 20, item 6).
/// </summary>
public class LogicalTypesChoiceTests
{
    // day 3,000,000 (after 9999-12-31, day 2,932,896), id "not-a-uuid", at 0, amount 0x01 (0.01).
    private static byte[] Written(string id)
    {
        var buffer = new ArrayBufferWriter<byte>();
        var writer = new AvroWriter(buffer);
        writer.WriteInt(3_000_000);
        writer.WriteString(id);
        writer.WriteLong(0);
        writer.WriteBytes([0x01]);
        return buffer.WrittenSpan.ToArray();
    }

    [Fact]
    public void Typed_ADateBeyondDateOnly_IsADecodeErrorNamingTheField()
    {
        var reader = AvroResolvingReader<Typed.SensorReading>.For(
            Typed.SensorReading.AvroSchemaJson
        );

        var error = Assert.Throws<AvroDecodeException>(() =>
            reader.Read(Written("5f0c1c2e-0a53-4c0c-9d5c-1f6a2b3c4d5e"))
        );

        Assert.Equal("SensorReading.day", error.Field);
    }

    [Fact]
    public void Underlying_ReadsTheValuesTypedCannotHold()
    {
        var reader = AvroResolvingReader<Underlying.SensorReading>.For(
            Underlying.SensorReading.AvroSchemaJson
        );

        var value = reader.Read(Written("not-a-uuid"));

        Assert.Equal(3_000_000, value.Day);
        Assert.Equal("not-a-uuid", value.Id);
        Assert.Equal(0L, value.At);
        Assert.Equal([0x01], value.Amount);
    }

    [Fact]
    public void Underlying_RegistersTheSchemaWithItsLogicalTypes()
    {
        // Producers and the registry see the same schema either way; only the C# types differ.
        Assert.Contains(
            "{\"type\":\"int\",\"logicalType\":\"date\"}",
            Underlying.SensorReading.AvroSchemaJson,
            StringComparison.Ordinal
        );
        Assert.Equal(
            Underlying.SensorReading.AvroCanonicalForm,
            Typed.SensorReading.AvroCanonicalForm.Replace(
                ".Model.",
                ".Underlying.",
                StringComparison.Ordinal
            )
        );
    }
}
