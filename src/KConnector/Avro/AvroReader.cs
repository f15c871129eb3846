using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;

namespace KConnector.Avro;

/// <summary>
/// Reads Avro binary encoding from a span. Every read names the field it is reading so that
/// corrupt or truncated input fails with an <see cref="AvroDecodeException"/> that says where.
/// Lengths read from the input are checked against the bytes that remain before anything is
/// allocated, so an untrusted length can never cause a huge allocation.
/// </summary>
public ref partial struct AvroReader
{
    /// <summary>
    /// UTF-8 that throws on invalid bytes: <see cref="Encoding.UTF8"/> replaces them with U+FFFD,
    /// which would turn corrupt data into a silently different string (spec "Primitive Types":
    /// a string is a sequence of UTF-8 characters; issue 20, item 7).
    /// </summary>
    private static readonly UTF8Encoding StrictUtf8 = new(
        encoderShouldEmitUTF8Identifier: false,
        throwOnInvalidBytes: true
    );

    private readonly ReadOnlySpan<byte> _input;
    private int _position;
    private int _depth;
    private int _zeroSizeItems;

    /// <summary>Creates a reader over <paramref name="input"/>.</summary>
    public AvroReader(ReadOnlySpan<byte> input)
    {
        _input = input;
        _position = 0;
        _depth = 0;
        _zeroSizeItems = 0;
    }

    /// <summary>Bytes consumed so far.</summary>
    public readonly int Position => _position;

    /// <summary>Bytes not yet consumed.</summary>
    public readonly int Remaining => _input.Length - _position;

    /// <summary>Reads a boolean; any byte other than 0 or 1 is corrupt.</summary>
    public bool ReadBoolean(string field)
    {
        Need(1, field);
        var b = _input[_position++];
        if (b > 1)
        {
            ThrowNotABoolean(field, b);
        }
        return b != 0;
    }

    /// <summary>Reads a zig-zag varint that must fit in 32 bits.</summary>
    public int ReadInt(string field)
    {
        var value = ReadLong(field);
        if (value is < int.MinValue or > int.MaxValue)
        {
            ThrowNotAnInt(field, value);
        }
        return (int)value;
    }

    /// <summary>Reads a zig-zag varint of at most 10 bytes.</summary>
    public long ReadLong(string field)
    {
        // Most varints are one byte (lengths of short strings, enum and union indexes, block
        // counts, small numbers): read it with one bounds check.
        var position = _position;
        if ((uint)position < (uint)_input.Length && _input[position] is var b and < 0x80)
        {
            _position = position + 1;
            return (b >> 1) ^ -(b & 1);
        }
        return ReadLongSlow(field);
    }

    private long ReadLongSlow(string field)
    {
        // Locals, not fields: one bound per byte against the rest of the input, and the
        // position written once (longs such as ids and timestamps take 5-9 bytes).
        var rest = _input[_position..];
        ulong n = 0;
        var shift = 0;
        var i = 0;
        while (true)
        {
            if ((uint)i >= (uint)rest.Length)
            {
                _position += i;
                ThrowTruncated(field);
            }
            var b = rest[i++];
            n |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                break;
            }
            shift += 7;
            if (shift > 63)
            {
                _position += i;
                ThrowVarintTooLong(field);
            }
        }
        _position += i;
        return (long)(n >> 1) ^ -(long)(n & 1);
    }

    /// <summary>Reads 4 little-endian bytes as a float.</summary>
    public float ReadFloat(string field)
    {
        Need(4, field);
        var value = BinaryPrimitives.ReadSingleLittleEndian(_input.Slice(_position, 4));
        _position += 4;
        return value;
    }

    /// <summary>Reads 8 little-endian bytes as a double.</summary>
    public double ReadDouble(string field)
    {
        Need(8, field);
        var value = BinaryPrimitives.ReadDoubleLittleEndian(_input.Slice(_position, 8));
        _position += 8;
        return value;
    }

    /// <summary>Reads length-prefixed bytes into a new array.</summary>
    public byte[] ReadBytes(string field) => ReadBytesSpan(field).ToArray();

    /// <summary>Reads length-prefixed bytes as a slice of the input, without copying.</summary>
    public ReadOnlySpan<byte> ReadBytesSpan(string field)
    {
        var length = ReadLength(field);
        // ReadLength checked the length against the bytes left: slicing again would check twice
        // per string.
        var slice = MemoryMarshal.CreateReadOnlySpan(
            ref Unsafe.Add(ref MemoryMarshal.GetReference(_input), _position),
            length
        );
        _position += length;
        return slice;
    }

    /// <summary>Reads a length-prefixed UTF-8 string.</summary>
    public string ReadString(string field)
    {
        var bytes = ReadBytesSpan(field);
        // Most strings in records are ASCII (ids, codes, names): ASCII is Latin-1, whose decode
        // is a plain widening into the new string, one pass and no count; anything else takes
        // the strict UTF-8 path.
        if (AvroAscii.IsAscii(bytes))
        {
            return bytes.IsEmpty ? string.Empty : Encoding.Latin1.GetString(bytes);
        }
        return ReadUtf8(bytes, field);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private readonly string ReadUtf8(ReadOnlySpan<byte> bytes, string field)
    {
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException e)
        {
            throw Corrupt(
                field,
                $"a string is not valid UTF-8 (byte {e.Index} of its {bytes.Length} is not a UTF-8 sequence)"
            );
        }
    }

    /// <summary>
    /// Fails unless every byte was read: a datum is the whole payload (spec "Binary Encoding";
    /// bytes after it mean corrupt data or the wrong schema, not something to ignore).
    /// </summary>
    public readonly void ExpectEnd(string datum)
    {
        if (Remaining > 0)
        {
            throw Corrupt(datum, $"{Remaining} byte(s) follow the end of the datum");
        }
    }

    /// <summary>Reads a union branch index and checks it against the branch count.</summary>
    public int ReadUnionIndex(string field, int branchCount)
    {
        var index = ReadLong(field);
        if ((ulong)index >= (ulong)branchCount)
        {
            ThrowUnionIndex(field, index, branchCount);
        }
        return (int)index;
    }

    private int ReadLength(string field)
    {
        var length = ReadLong(field);
        // One unsigned compare: a negative length is a huge unsigned one.
        if ((ulong)length > (ulong)Remaining)
        {
            ThrowBadLength(field, length);
        }
        return (int)length;
    }

    private readonly void Need(int count, string field)
    {
        if (Remaining < count)
        {
            ThrowTruncated(field);
        }
    }

    private readonly AvroDecodeException Corrupt(string field, string reason) =>
        new(field, _position, reason);
}
