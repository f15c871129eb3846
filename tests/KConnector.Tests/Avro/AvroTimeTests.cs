using System.Buffers;
using KConnector.Avro;

namespace KConnector.Tests.Avro;

/// <summary>
/// Timestamps before 1970 floor to the unit below, as Java's TimeConversions
/// (<c>ChronoUnit.MICROS.between(EPOCH, instant)</c>) and avsc do; truncating toward zero wrote
/// 1969-12-31T23:59:59.9999995Z as 0 (zig-zag 00) instead of -1 (01) (issue 20, item 5).
/// </summary>
public class AvroTimeTests
{
    private static readonly DateTime HalfAMicroBeforeEpoch = DateTime.UnixEpoch.AddTicks(-5);

    [Fact]
    public void TimestampMicros_HalfAMicrosecondBeforeTheEpoch_IsMinusOne_Encoded01()
    {
        var value = new DateTimeOffset(HalfAMicroBeforeEpoch, TimeSpan.Zero);

        Assert.Equal(-1, AvroTime.ToUnixMicros(value));
        Assert.Equal("01", Encoded(AvroTime.ToUnixMicros(value)));
    }

    [Fact]
    public void LocalTimestampMicros_HalfAMicrosecondBeforeTheEpoch_IsMinusOne()
    {
        var value = DateTime.SpecifyKind(HalfAMicroBeforeEpoch, DateTimeKind.Unspecified);

        Assert.Equal(-1, AvroTime.ToLocalMicros(value));
    }

    [Theory]
    [InlineData(-1L, -1L)] // 0.1 ms before: -1 ms
    [InlineData(-9_999L, -1L)]
    [InlineData(-10_000L, -1L)]
    [InlineData(-10_001L, -2L)]
    [InlineData(10_001L, 1L)]
    public void LocalTimestampMillis_Floors(long ticksFromEpoch, long millis)
    {
        var value = new DateTime(
            DateTime.UnixEpoch.Ticks + ticksFromEpoch,
            DateTimeKind.Unspecified
        );

        Assert.Equal(millis, AvroTime.ToLocalMillis(value));
        // timestamp-millis was right already (DateTimeOffset.ToUnixTimeMilliseconds floors): same answer.
        Assert.Equal(millis, AvroTime.ToUnixMillis(new DateTimeOffset(value, TimeSpan.Zero)));
    }

    [Theory]
    [InlineData("0001-01-01T00:00:00.0000000", -62_135_596_800_000_000L)]
    [InlineData("1969-12-31T23:59:59.9999990", -1L)]
    [InlineData("1969-12-31T23:59:59.9999991", -1L)]
    [InlineData("1970-01-01T00:00:00.0000009", 0L)]
    [InlineData("9999-12-31T23:59:59.9999999", 253_402_300_799_999_999L)]
    public void Micros_AreFlooredAndRoundTripWholeMicroseconds(string iso, long micros)
    {
        var local = DateTime.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);
        var utc = new DateTimeOffset(local, TimeSpan.Zero);

        Assert.Equal(micros, AvroTime.ToUnixMicros(utc));
        Assert.Equal(micros, AvroTime.ToLocalMicros(local));
        Assert.Equal(micros, AvroTime.ToUnixMicros(AvroTime.TimestampFromMicros(micros)));
        Assert.Equal(micros, AvroTime.ToLocalMicros(AvroTime.LocalTimestampFromMicros(micros)));
    }

    private static string Encoded(long value)
    {
        var buffer = new ArrayBufferWriter<byte>();
        var writer = new AvroWriter(buffer);
        writer.WriteLong(value);
        return Convert.ToHexStringLower(buffer.WrittenSpan);
    }
}
