using System.Text;
using KConnector.Avro;

namespace KConnector.Tests.Avro;

/// <summary>
/// ReadString's ASCII path (one widening pass) and its UTF-8 path give what the bytes say, and a
/// payload that is ASCII up to an invalid byte still fails as corrupt, never as a different string.
/// </summary>
public class AvroReaderStringTests
{
    [Theory]
    [InlineData("")]
    [InlineData("ORD-2026-000123")]
    [InlineData("\u0000\u0001\u007f tab\tnew\nline")]
    [InlineData("ascii then é")]
    [InlineData("€ first")]
    [InlineData("😀")]
    public void ReadString_GivesBackWhatWasWritten(string text)
    {
        var utf8 = Encoding.UTF8.GetBytes(text);
        var payload = new byte[] { (byte)(utf8.Length << 1) }
            .Concat(utf8)
            .ToArray();

        var reader = new AvroReader(payload);

        Assert.Equal(text, reader.ReadString("Order.note"));
        Assert.Equal(0, reader.Remaining);
    }

    /// <summary>
    /// Short strings are checked for ASCII by word reads (1-3, 4-7 and 8-16 bytes, overlapping),
    /// longer ones by Ascii.IsValid: a non-ASCII character at any position of any length must
    /// take the UTF-8 path, or Latin-1 widening would turn "é" into "Ã©".
    /// </summary>
    [Fact]
    public void ANonAsciiCharacterAtAnyPositionOfAnyLength_IsDecodedAsUtf8()
    {
        for (var length = 1; length <= 40; length++)
        {
            for (var at = 0; at < length; at++)
            {
                var text = new string('a', at) + "é" + new string('z', length - at - 1);
                var utf8 = Encoding.UTF8.GetBytes(text);
                var payload = new byte[] { (byte)(utf8.Length << 1) }
                    .Concat(utf8)
                    .Concat("trailing"u8.ToArray())
                    .ToArray();

                var reader = new AvroReader(payload);

                Assert.Equal(text, reader.ReadString("Order.note"));
                Assert.Equal(8, reader.Remaining);
            }
        }
    }

    [Fact]
    public void AnAsciiPrefixBeforeAnInvalidByte_IsCorruption_NamingTheField()
    {
        var error = Assert.Throws<AvroDecodeException>(() =>
        {
            var reader = new AvroReader(new byte[] { 0x08, (byte)'a', (byte)'b', (byte)'c', 0xC0 });
            return reader.ReadString("Order.note");
        });

        Assert.Equal("Order.note", error.Field);
        Assert.Contains("not valid UTF-8", error.Message, StringComparison.Ordinal);
    }
}
