using System.Buffers;
using KConnector.Avro;

namespace KConnector.Tests.Avro;

/// <summary>
/// timestamp-millis and timestamp-micros are range-checked by the reader itself (one unsigned
/// compare, no exception caught): the first and last instants .NET holds decode, one unit past
/// either end and the extreme longs fail naming the field, never wrap to another instant.
/// </summary>
public class AvroReaderTimestampRangeTests
{
    private const long MinMillis = -62_135_596_800_000;
    private const long MaxMillis = 253_402_300_799_999;
    private const long MinMicros = -62_135_596_800_000_000;
    private const long MaxMicros = 253_402_300_799_999_999;

    [Theory]
    [InlineData(MinMillis)]
    [InlineData(-1L)]
    [InlineData(0L)]
    [InlineData(1_700_000_000_123L)]
    [InlineData(MaxMillis)]
    public void TimestampMillis_InRange_IsTheInstantThatManyMillisecondsFromTheEpoch(long millis)
    {
        var reader = new AvroReader(Long(millis));

        var instant = reader.ReadTimestampMillis("Order.placed_at");

        Assert.Equal(DateTimeOffset.UnixEpoch.AddMilliseconds(millis), instant);
        Assert.Equal(TimeSpan.Zero, instant.Offset);
        Assert.Equal(millis, AvroTime.ToUnixMillis(instant));
    }

    [Theory]
    [InlineData(MinMicros)]
    [InlineData(-1L)]
    [InlineData(1_700_000_000_123_456L)]
    [InlineData(MaxMicros)]
    public void TimestampMicros_InRange_IsTheInstantThatManyMicrosecondsFromTheEpoch(long micros)
    {
        var reader = new AvroReader(Long(micros));

        var instant = reader.ReadTimestampMicros("Order.placed_at");

        Assert.Equal(DateTimeOffset.UnixEpoch.AddTicks(micros * 10), instant);
        Assert.Equal(micros, AvroTime.ToUnixMicros(instant));
    }

    [Theory]
    [InlineData(MinMillis - 1)]
    [InlineData(MaxMillis + 1)]
    [InlineData(long.MinValue)]
    [InlineData(long.MaxValue)]
    public void TimestampMillis_OutOfRange_FailsNamingTheFieldAndTheValue(long millis)
    {
        var error = Assert.Throws<AvroDecodeException>(() =>
        {
            var reader = new AvroReader(Long(millis));
            reader.ReadTimestampMillis("Order.placed_at");
        });

        Assert.Equal("Order.placed_at", error.Field);
        Assert.Contains(
            $"the value {millis} is out of the logical type's range",
            error.Message,
            StringComparison.Ordinal
        );
    }

    [Theory]
    [InlineData(MinMicros - 1)]
    [InlineData(MaxMicros + 1)]
    [InlineData(long.MinValue)]
    [InlineData(long.MaxValue)]
    public void TimestampMicros_OutOfRange_FailsNamingTheFieldAndTheValue(long micros)
    {
        var error = Assert.Throws<AvroDecodeException>(() =>
        {
            var reader = new AvroReader(Long(micros));
            reader.ReadTimestampMicros("Order.placed_at");
        });

        Assert.Equal("Order.placed_at", error.Field);
        Assert.Contains(
            $"the value {micros} is out of the logical type's range",
            error.Message,
            StringComparison.Ordinal
        );
    }

    private static byte[] Long(long value)
    {
        var buffer = new ArrayBufferWriter<byte>();
        new AvroWriter(buffer).WriteLong(value);
        return buffer.WrittenSpan.ToArray();
    }
}
