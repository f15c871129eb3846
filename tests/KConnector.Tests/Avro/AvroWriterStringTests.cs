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
    public void WriteString_WritesTheByteCountThenTheUtf8Bytes(string unit, int repeat) =>
        AssertWrittenAsUtf8(string.Concat(Enumerable.Repeat(unit, repeat)));

    /// <summary>
    /// Up to 16 ASCII chars are narrowed to bytes by overlapping word reads (1-3, 4-7, 8-16
    /// chars): every length keeps each char in its place, and a char that is not ASCII at any
    /// position of any length takes the UTF-8 path, including one whose low byte is ASCII
    /// (U+4100 would narrow to "A") and the first one past ASCII (U+0080).
    /// </summary>
    [Theory]
    [InlineData('\u00e9')]
    [InlineData('\u4100')]
    [InlineData('\u0080')]
    [InlineData('\u0100')]
    public void ShortStrings_KeepEveryCharInItsPlace_AndANonAsciiOneAnywhereIsUtf8(char notAscii)
    {
        const string Chars = "0123456789abcdefghij\u007f";
        for (var length = 0; length <= Chars.Length; length++)
        {
            AssertWrittenAsUtf8(Chars[..length]);
            for (var at = 0; at < length; at++)
            {
                AssertWrittenAsUtf8(Chars[..at] + notAscii + Chars[(at + 1)..length]);
            }
        }
    }

    private static void AssertWrittenAsUtf8(string text)
    {
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
