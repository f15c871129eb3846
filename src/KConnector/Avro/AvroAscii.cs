using System.Runtime.InteropServices;
using System.Text;

namespace KConnector.Avro;

/// <summary>
/// Whether a string's bytes are ASCII. Record strings are mostly short (codes, ids, names):
/// up to 16 bytes are checked inline with two overlapping word reads, which costs less than the
/// call into <see cref="Ascii.IsValid(ReadOnlySpan{byte})"/> that longer strings take.
/// </summary>
internal static class AvroAscii
{
    private const ulong HighBits64 = 0x8080_8080_8080_8080;
    private const uint HighBits32 = 0x8080_8080;

    public static bool IsAscii(ReadOnlySpan<byte> bytes)
    {
        var length = bytes.Length;
        if (length >= 8)
        {
            if (length > 16)
            {
                return Ascii.IsValid(bytes);
            }
            // The first and the last 8 bytes overlap for 8..15 bytes and cover all of them.
            var words =
                MemoryMarshal.Read<ulong>(bytes) | MemoryMarshal.Read<ulong>(bytes[(length - 8)..]);
            return (words & HighBits64) == 0;
        }
        if (length >= 4)
        {
            var words =
                MemoryMarshal.Read<uint>(bytes) | MemoryMarshal.Read<uint>(bytes[(length - 4)..]);
            return (words & HighBits32) == 0;
        }
        var all = 0;
        foreach (var b in bytes)
        {
            all |= b;
        }
        return all < 0x80;
    }
}
