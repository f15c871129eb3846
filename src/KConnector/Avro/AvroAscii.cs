using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text;

namespace KConnector.Avro;

/// <summary>
/// Short ASCII strings, both ways. Record strings are mostly short (codes, ids, names): up to 16
/// of them are checked (decode) or checked and narrowed to bytes (encode) inline with two
/// overlapping word reads, which costs less than the calls into
/// <see cref="Ascii.IsValid(ReadOnlySpan{byte})"/> and UTF-8's transcoder that longer strings take.
/// </summary>
internal static class AvroAscii
{
    private const ulong HighBits64 = 0x8080_8080_8080_8080;
    private const uint HighBits32 = 0x8080_8080;
    private const ulong NotAsciiChars64 = 0xFF80_FF80_FF80_FF80;

    /// <summary>
    /// Writes <paramref name="chars"/> as one byte each when they are at most 16 ASCII chars;
    /// false, having written nothing, otherwise (the caller then transcodes UTF-8).
    /// <paramref name="destination"/> must hold at least <paramref name="chars"/>.Length bytes.
    /// </summary>
    public static bool TryNarrow(ReadOnlySpan<char> chars, Span<byte> destination)
    {
        var length = chars.Length;
        if ((uint)length > 16 || destination.Length < length)
        {
            return false;
        }
        // Unaligned reads and writes at offsets the length proves inside both spans; for 8..16
        // and 4..7 chars the first and the last words overlap and cover every char.
        ref var from = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(chars));
        ref var to = ref MemoryMarshal.GetReference(destination);
        if (length >= 8)
        {
            var head = Vector128.LoadUnsafe(ref from);
            var tail = Vector128.LoadUnsafe(ref from, (nuint)(length - 8));
            if (((head | tail) & Vector128.Create((ushort)0xFF80)) != Vector128<ushort>.Zero)
            {
                return false;
            }
            var bytes = Vector128.Narrow(head, tail).AsUInt64();
            Unsafe.WriteUnaligned(ref to, bytes.GetElement(0));
            Unsafe.WriteUnaligned(ref Unsafe.Add(ref to, length - 8), bytes.GetElement(1));
            return true;
        }
        if (length >= 4)
        {
            var head = Unsafe.ReadUnaligned<ulong>(ref Unsafe.As<ushort, byte>(ref from));
            var tail = Unsafe.ReadUnaligned<ulong>(
                ref Unsafe.As<ushort, byte>(ref Unsafe.Add(ref from, length - 4))
            );
            if (((head | tail) & NotAsciiChars64) != 0)
            {
                return false;
            }
            Unsafe.WriteUnaligned(ref to, NarrowFour(head));
            Unsafe.WriteUnaligned(ref Unsafe.Add(ref to, length - 4), NarrowFour(tail));
            return true;
        }
        var all = 0;
        foreach (var c in chars)
        {
            all |= c;
        }
        if (all >= 0x80)
        {
            return false;
        }
        for (var i = 0; i < length; i++)
        {
            Unsafe.Add(ref to, i) = (byte)chars[i];
        }
        return true;
    }

    /// <summary>Four ASCII chars (little-endian, 16 bits each) as four bytes.</summary>
    private static uint NarrowFour(ulong chars) =>
        (uint)(
            (chars & 0xFF)
            | ((chars >> 8) & 0xFF00)
            | ((chars >> 16) & 0xFF_0000)
            | ((chars >> 24) & 0xFF00_0000)
        );

    public static bool IsAscii(ReadOnlySpan<byte> bytes)
    {
        // Unaligned reads at offsets the length checks prove inside the span: slicing for each
        // word would check the bounds again for every string.
        ref var first = ref MemoryMarshal.GetReference(bytes);
        var length = bytes.Length;
        if (length >= 8)
        {
            if (length > 16)
            {
                return Ascii.IsValid(bytes);
            }
            // The first and the last 8 bytes overlap for 8..15 bytes and cover all of them.
            var words =
                Unsafe.ReadUnaligned<ulong>(ref first)
                | Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref first, length - 8));
            return (words & HighBits64) == 0;
        }
        if (length >= 4)
        {
            var words =
                Unsafe.ReadUnaligned<uint>(ref first)
                | Unsafe.ReadUnaligned<uint>(ref Unsafe.Add(ref first, length - 4));
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
