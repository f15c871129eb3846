using KConnector.Avro;

namespace KConnector.Tests.Avro;

public class AvroReaderTests
{
    [Theory]
    [InlineData("00", 0L)]
    [InlineData("01", -1L)]
    [InlineData("02", 1L)]
    [InlineData("7f", -64L)]
    [InlineData("8001", 64L)]
    [InlineData("feffffffffffffffff01", long.MaxValue)]
    [InlineData("ffffffffffffffffff01", long.MinValue)]
    public void ReadLong_DecodesZigZagVarintsFromTheSpecification(string hex, long expected)
    {
        var reader = new AvroReader(Convert.FromHexString(hex));

        Assert.Equal(expected, reader.ReadLong("n"));
        Assert.Equal(0, reader.Remaining);
    }

    [Fact]
    public void ReadLong_VarintLongerThanTenBytes_IsRejectedNotLoopedOn()
    {
        var bytes = Enumerable.Repeat((byte)0x80, 64).Append((byte)1).ToArray();

        var error = Read(bytes, static (ref AvroReader r) => r.ReadLong("count"));

        Assert.Equal("count", error.Field);
        Assert.Contains("longer than 10 bytes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadString_LengthBeyondTheData_FailsBeforeAllocating()
    {
        // A length of 2^62 followed by three bytes: must not try to allocate 4 EiB.
        var bytes = Convert.FromHexString("80808080808080808001616263");

        var error = Read(bytes, static (ref AvroReader r) => r.ReadString("name"));

        Assert.Equal("name", error.Field);
        Assert.Contains("exceeds", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadString_NegativeLength_IsCorrupt()
    {
        var error = Read([0x03, 0x61], static (ref AvroReader r) => r.ReadString("name"));

        Assert.Contains("negative", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadBoolean_ByteOtherThanZeroOrOne_IsCorrupt()
    {
        var error = Read([0x02], static (ref AvroReader r) => r.ReadBoolean("express"));

        Assert.Equal("express", error.Field);
    }

    [Fact]
    public void ReadInt_ValueBeyond32Bits_IsCorrupt()
    {
        var error = Read(
            Convert.FromHexString("8080808020"),
            static (ref AvroReader r) => r.ReadInt("quantity")
        );

        Assert.Contains("does not fit an int", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadUnionIndex_OutOfRange_IsCorrupt()
    {
        var error = Read([0x04], static (ref AvroReader r) => r.ReadUnionIndex("note", 2));

        Assert.Contains("out of range", error.Message, StringComparison.Ordinal);
    }

    private delegate void ReadAction(ref AvroReader reader);

    private static AvroDecodeException Read(byte[] bytes, ReadAction read)
    {
        try
        {
            var reader = new AvroReader(bytes);
            read(ref reader);
        }
        catch (AvroDecodeException e)
        {
            return e;
        }
        throw new Xunit.Sdk.XunitException("Expected an AvroDecodeException.");
    }
}
