using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace KConnector.Avro;

public ref partial struct AvroWriter
{
    /// <summary>Writes a fixed: exactly <paramref name="size"/> bytes, no length.</summary>
    /// <exception cref="ArgumentException">The value does not have <paramref name="size"/> bytes.</exception>
    public readonly void WriteFixed(ReadOnlySpan<byte> value, int size, string field)
    {
        if (value.Length != size)
        {
            throw new ArgumentException(
                $"The Avro field '{field}' is a fixed of {size} bytes; the value has {value.Length}.",
                field
            );
        }
        value.CopyTo(_output.GetSpan(size));
        _output.Advance(size);
    }

    /// <summary>Writes an enum as its symbol index, checking that the index is a symbol.</summary>
    public readonly void WriteEnum(int index, int symbolCount, string field)
    {
        if ((uint)index >= (uint)symbolCount)
        {
            ThrowNotASymbol(index, symbolCount, field);
        }
        WriteLong(index);
    }

    // Built out of line: the message's interpolation inside WriteEnum kept it from inlining.
    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowNotASymbol(int index, int symbolCount, string field) =>
        throw new ArgumentOutOfRangeException(
            field,
            index,
            $"The Avro field '{field}' holds an enum value that is not one of its {symbolCount} symbols."
        );

    /// <summary>Writes a uuid logical type on string: the 36-character lower-case form.</summary>
    public readonly void WriteUuid(Guid value)
    {
        var span = _output.GetSpan(37);
        span[0] = 36 << 1;
        value.TryFormat(span.Slice(1, 36), out _, "D");
        _output.Advance(37);
    }

    /// <summary>Writes a uuid logical type on fixed(16): the RFC 4122 (big-endian) bytes.</summary>
    public readonly void WriteUuidFixed(Guid value)
    {
        value.TryWriteBytes(_output.GetSpan(16), bigEndian: true, out _);
        _output.Advance(16);
    }

    /// <summary>Writes a duration: three little-endian unsigned ints (months, days, milliseconds).</summary>
    public readonly void WriteDuration(AvroDuration value)
    {
        var span = _output.GetSpan(12);
        BinaryPrimitives.WriteUInt32LittleEndian(span, value.Months);
        BinaryPrimitives.WriteUInt32LittleEndian(span[4..], value.Days);
        BinaryPrimitives.WriteUInt32LittleEndian(span[8..], value.Milliseconds);
        _output.Advance(12);
    }

    /// <summary>Writes a decimal on bytes: the unscaled value's big-endian two's complement, shortest form.</summary>
    public readonly void WriteDecimal(decimal value, int precision, int scale, string field) =>
        WriteDecimal(AvroDecimal.FromDecimal(value, scale, field), precision, scale, field);

    /// <summary>Writes a decimal on bytes: the unscaled value's big-endian two's complement, shortest form.</summary>
    public readonly void WriteDecimal(AvroDecimal value, int precision, int scale, string field)
    {
        Span<byte> buffer = stackalloc byte[AvroDecimal.MaxStackBytes];
        var unscaled = value.Rescale(scale, precision, field);
        var length = unscaled.GetByteCount();
        var bytes = length <= buffer.Length ? buffer[..length] : new byte[length];
        unscaled.TryWriteBytes(bytes, out _, isUnsigned: false, isBigEndian: true);
        WriteBytes(bytes);
    }

    /// <summary>Writes a decimal on fixed: the unscaled value sign-extended to <paramref name="size"/> bytes.</summary>
    public readonly void WriteDecimalFixed(
        decimal value,
        int precision,
        int scale,
        int size,
        string field
    ) =>
        WriteDecimalFixed(
            AvroDecimal.FromDecimal(value, scale, field),
            precision,
            scale,
            size,
            field
        );

    /// <summary>Writes a decimal on fixed: the unscaled value sign-extended to <paramref name="size"/> bytes.</summary>
    public readonly void WriteDecimalFixed(
        AvroDecimal value,
        int precision,
        int scale,
        int size,
        string field
    )
    {
        var unscaled = value.Rescale(scale, precision, field);
        var length = unscaled.GetByteCount();
        if (length > size)
        {
            throw new ArgumentOutOfRangeException(
                field,
                $"The decimal does not fit the {size} bytes of the Avro field '{field}'."
            );
        }
        var span = _output.GetSpan(size)[..size];
        span.Fill(unscaled.Sign < 0 ? (byte)0xFF : (byte)0);
        unscaled.TryWriteBytes(
            span[(size - length)..],
            out _,
            isUnsigned: false,
            isBigEndian: true
        );
        _output.Advance(size);
    }
}
