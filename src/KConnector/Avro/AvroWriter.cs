using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace KConnector.Avro;

/// <summary>
/// Writes Avro binary encoding (specification 1.12, "Binary Encoding") into a buffer writer.
/// A ref struct over <see cref="IBufferWriter{T}"/> so that a pooled buffer can be reused and an
/// encode allocates nothing once the buffer has grown.
/// </summary>
public ref partial struct AvroWriter
{
    private readonly IBufferWriter<byte> _output;
    private int _depth;

    /// <summary>Creates a writer that appends to <paramref name="output"/>.</summary>
    public AvroWriter(IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        _output = output;
        _depth = 0;
    }

    /// <summary>
    /// Enters a nested record, failing when the value nests deeper than
    /// <see cref="AvroReader.MaxDepth"/>: the limit is the decoder's, so nothing is written that
    /// a reader would reject as corrupt (issue 20, item 7), and a cyclic or absurdly deep value
    /// fails with an exception instead of overflowing the stack.
    /// </summary>
    /// <exception cref="ArgumentException">The value nests deeper than the limit.</exception>
    public void EnterRecord(string record)
    {
        if (++_depth > AvroReader.MaxDepth)
        {
            throw new ArgumentException(
                $"Cannot encode Avro record '{record}': records nest deeper than {AvroReader.MaxDepth} levels, which no reader accepts."
            );
        }
    }

    /// <summary>Leaves a record entered with <see cref="EnterRecord"/>.</summary>
    public void ExitRecord() => _depth--;

    /// <summary>Writes a boolean as one byte, 0 or 1.</summary>
    public readonly void WriteBoolean(bool value)
    {
        _output.GetSpan(1)[0] = value ? (byte)1 : (byte)0;
        _output.Advance(1);
    }

    /// <summary>Writes an int as a zig-zag varint.</summary>
    public readonly void WriteInt(int value) => WriteLong(value);

    /// <summary>Writes a long as a zig-zag varint (at most 10 bytes).</summary>
    public readonly void WriteLong(long value)
    {
        var span = _output.GetSpan(10);
        var n = (ulong)((value << 1) ^ (value >> 63));
        var i = 0;
        while (n >= 0x80)
        {
            span[i++] = (byte)(n | 0x80);
            n >>= 7;
        }
        span[i++] = (byte)n;
        _output.Advance(i);
    }

    /// <summary>Writes a float as 4 little-endian bytes (IEEE 754).</summary>
    public readonly void WriteFloat(float value)
    {
        BinaryPrimitives.WriteSingleLittleEndian(_output.GetSpan(4), value);
        _output.Advance(4);
    }

    /// <summary>Writes a double as 8 little-endian bytes (IEEE 754).</summary>
    public readonly void WriteDouble(double value)
    {
        BinaryPrimitives.WriteDoubleLittleEndian(_output.GetSpan(8), value);
        _output.Advance(8);
    }

    /// <summary>Writes bytes as a long length followed by the bytes.</summary>
    public readonly void WriteBytes(ReadOnlySpan<byte> value)
    {
        WriteLong(value.Length);
        value.CopyTo(_output.GetSpan(value.Length));
        _output.Advance(value.Length);
    }

    /// <summary>Writes a string as its UTF-8 byte count followed by the UTF-8 bytes.</summary>
    public readonly void WriteString(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        // One pass for strings whose length prefix size is known in advance: UTF-8 takes at most
        // 3 bytes per UTF-16 char, and a zig-zag varint holds 0..63 in one byte, 0..8191 in two.
        var maxBytes = value.Length * 3;
        if (maxBytes <= 63)
        {
            var span = _output.GetSpan(1 + maxBytes);
            var written = AvroAscii.TryNarrow(value, span[1..])
                ? value.Length
                : Encoding.UTF8.GetBytes(value, span[1..]);
            span[0] = (byte)(written << 1);
            _output.Advance(1 + written);
            return;
        }
        if (maxBytes <= 8191)
        {
            var span = _output.GetSpan(2 + maxBytes);
            var written = Encoding.UTF8.GetBytes(value, span[2..]);
            if (written <= 63)
            {
                span.Slice(2, written).CopyTo(span[1..]);
                span[0] = (byte)(written << 1);
                _output.Advance(1 + written);
                return;
            }
            var zigzag = (uint)written << 1;
            span[0] = (byte)(zigzag | 0x80);
            span[1] = (byte)(zigzag >> 7);
            _output.Advance(2 + written);
            return;
        }
        var count = Encoding.UTF8.GetByteCount(value);
        WriteLong(count);
        var bytes = Encoding.UTF8.GetBytes(value, _output.GetSpan(count));
        _output.Advance(bytes);
    }

    /// <summary>Writes the index of the union branch that follows.</summary>
    public readonly void WriteUnionIndex(int index) => WriteLong(index);
}
