using System.Buffers;
using System.Text;
using KConnector.Avro;

namespace KConnector.Tests.Avro;

/// <summary>
/// WriteString's one-pass paths (length prefix of one or two bytes, guessed from the char count)
/// against the plain definition: zig-zag varint of the UTF-8 byte count, then the bytes.
/// </summary>
public class AvroWriterStringTests
{
    [Theory]
    [InlineData("", 0)]
    [InlineData("a", 1)]
    [InlineData("a", 21)]
    [InlineData("a", 22)]
    [InlineData("a", 31)]
    [InlineData("a", 32)]
    [InlineData("a", 64)]
    [InlineData("é", 20)]
    [InlineData("é", 40)]
    [InlineData("€", 21)]
    [InlineData("€", 22)]
    [InlineData("€", 2730)]
    [InlineData("€", 2731)]
    [InlineData("a", 2731)]
    [InlineData("a", 10_000)]
    [InlineData("😀", 30)]
    public void WriteString_WritesTheByteCountThenTheUtf8Bytes(string unit, int repeat)
    {
        var text = string.Concat(Enumerable.Repeat(unit, repeat));
        var buffer = new ArrayBufferWriter<byte>();
        var writer = new AvroWriter(buffer);

        writer.WriteString(text);

        var utf8 = Encoding.UTF8.GetBytes(text);
        var expected = new ArrayBufferWriter<byte>();
        new AvroWriter(expected).WriteLong(utf8.Length);
        expected.Write(utf8);
        Assert.Equal(
            Convert.ToHexString(expected.WrittenSpan),
            Convert.ToHexString(buffer.WrittenSpan)
        );
        var reader = new AvroReader(buffer.WrittenSpan);
        Assert.Equal(text, reader.ReadString("s"));
    }
}
