using System.Buffers;
using KConnector.Avro;

namespace KConnector.Tests.Avro;

/// <summary>
/// The generated codec against bytes written by an independent implementation: the expected
/// bytes below were produced by the npm package avsc 5.x from the same schema and values.
/// </summary>
public class GeneratedCodecTests
{
    private static readonly GoldenOrder First = new()
    {
        OrderId = "ORD-1",
        CustomerId = -300,
        Quantity = 2,
        UnitPrice = 12.5,
        Express = true,
        Weight = 0.25f,
        Signature = [1, 2, 255],
        Note = "gift é",
        Coupon = null,
    };

    private static readonly GoldenOrder Second = new()
    {
        OrderId = "",
        CustomerId = 4503599627370495,
        Quantity = int.MinValue,
        UnitPrice = -0.0,
        Express = false,
        Weight = -1.5f,
        Signature = [],
        Note = null,
        Coupon = "X",
    };

    [Theory]
    [InlineData(0, "0a4f52442d31d704040000000000002940010000803e060102ff020e6769667420c3a902")]
    [InlineData(1, "00feffffffffffff0fffffffff0f0000000000000080000000c0bf0000000258")]
    public void Encode_WritesTheSameBytesAsAvsc(int which, string expectedHex)
    {
        var buffer = new ArrayBufferWriter<byte>();
        var writer = new AvroWriter(buffer);
        GoldenOrder.Encode(ref writer, which == 0 ? First : Second);

        Assert.Equal(expectedHex, Convert.ToHexStringLower(buffer.WrittenSpan));
    }

    [Theory]
    [InlineData(0, "0a4f52442d31d704040000000000002940010000803e060102ff020e6769667420c3a902")]
    [InlineData(1, "00feffffffffffff0fffffffff0f0000000000000080000000c0bf0000000258")]
    public void Decode_ReadsBytesWrittenByAvsc(int which, string hex)
    {
        var expected = which == 0 ? First : Second;
        var reader = new AvroReader(Convert.FromHexString(hex));

        var decoded = GoldenOrder.Decode(ref reader);

        Assert.Equal(0, reader.Remaining);
        Assert.Equal(expected.OrderId, decoded.OrderId);
        Assert.Equal(expected.CustomerId, decoded.CustomerId);
        Assert.Equal(expected.Quantity, decoded.Quantity);
        Assert.Equal(expected.UnitPrice, decoded.UnitPrice);
        Assert.Equal(expected.Express, decoded.Express);
        Assert.Equal(expected.Weight, decoded.Weight);
        Assert.Equal(expected.Signature, decoded.Signature);
        Assert.Equal(expected.Note, decoded.Note);
        Assert.Equal(expected.Coupon, decoded.Coupon);
    }

    [Fact]
    public void Decode_TruncatedPayload_NamesTheFieldItStoppedIn()
    {
        var bytes = Convert.FromHexString(
            "0a4f52442d31d704040000000000002940010000803e060102ff020e6769667420c3a902"
        );
        // 9 bytes of order_id, customer_id and quantity, then 3 of unit_price's 8.
        var reader = new AvroReader(bytes.AsSpan(0, 12));
        AvroDecodeException? error = null;
        try
        {
            GoldenOrder.Decode(ref reader);
        }
        catch (AvroDecodeException e)
        {
            error = e;
        }

        Assert.NotNull(error);
        Assert.Equal("GoldenOrder.unit_price", error.Field);
        Assert.Contains("truncated", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AvroSchemaJson_IsTheCompactSchemaOfTheFile()
    {
        Assert.StartsWith(
            "{\"type\":\"record\",\"name\":\"GoldenOrder\",\"namespace\":\"KConnector.Tests.Avro\"",
            GoldenOrder.AvroSchemaJson,
            StringComparison.Ordinal
        );
        Assert.DoesNotContain("\n", GoldenOrder.AvroSchemaJson, StringComparison.Ordinal);
    }

    [Fact]
    public void Encode_AfterWarmUp_AllocatesNothing()
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        Encode(buffer);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            Encode(buffer);
        }
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);

        static void Encode(ArrayBufferWriter<byte> buffer)
        {
            buffer.ResetWrittenCount();
            var writer = new AvroWriter(buffer);
            GoldenOrder.Encode(ref writer, First);
        }
    }
}
