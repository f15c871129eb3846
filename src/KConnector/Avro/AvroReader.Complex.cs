using System.Buffers.Binary;
using System.Numerics;

namespace KConnector.Avro;

public ref partial struct AvroReader
{
    /// <summary>
    /// The deepest nesting of records a payload may have, for reading and writing alike
    /// (<see cref="AvroWriter.EnterRecord"/>). Recursive schemas (a tree) make depth data-driven:
    /// a corrupt payload must fail with an exception, not overflow the stack.
    /// </summary>
    public const int MaxDepth = 256;

    /// <summary>The most items of types that may take zero bytes (null, records) one payload may hold.</summary>
    public const int MaxZeroSizeItems = 1 << 20;

    /// <summary>Enters a nested record, failing when the data nests deeper than <see cref="MaxDepth"/>.</summary>
    public void EnterRecord(string record)
    {
        if (++_depth > MaxDepth)
        {
            ThrowTooDeep(record);
        }
    }

    /// <summary>Leaves a record entered with <see cref="EnterRecord"/>.</summary>
    public void ExitRecord() => _depth--;

    /// <summary>
    /// Reads the item count of the next block of an array or map (0 ends it). A negative count is
    /// followed by the block's size in bytes (spec "Arrays"), which is read and checked. A count
    /// the remaining bytes cannot hold is corrupt: it is checked before anything is allocated.
    /// </summary>
    public int ReadBlockCount(string field, int minItemBytes)
    {
        var count = ReadLong(field);
        if (count < 0)
        {
            if (count == long.MinValue)
            {
                throw Corrupt(field, "a block count is out of range");
            }
            count = -count;
            var size = ReadLong(field);
            if (size < 0 || size > Remaining)
            {
                throw Corrupt(field, $"a block size of {size} exceeds the {Remaining} bytes left");
            }
        }
        if (minItemBytes > 0)
        {
            if (count > (long)Remaining / minItemBytes)
            {
                throw Corrupt(
                    field,
                    $"a block of {count} items cannot fit the {Remaining} bytes left"
                );
            }
            return (int)count;
        }
        // Items that may take no bytes (null, empty records) are not bounded by the bytes left:
        // bound them per payload instead, so a few bytes cannot claim a billion of them.
        if (count > MaxZeroSizeItems - _zeroSizeItems)
        {
            throw Corrupt(field, $"more than {MaxZeroSizeItems} items that may take no bytes");
        }
        _zeroSizeItems += (int)count;
        return (int)count;
    }

    /// <summary>Reads an enum's symbol index and checks it against the symbol count.</summary>
    public int ReadEnumIndex(string field, int symbolCount)
    {
        var index = ReadLong(field);
        if ((ulong)index >= (ulong)symbolCount)
        {
            ThrowEnumIndex(field, index, symbolCount);
        }
        return (int)index;
    }

    /// <summary>Reads a fixed of <paramref name="size"/> bytes into a new array.</summary>
    public byte[] ReadFixed(string field, int size) => ReadFixedSpan(field, size).ToArray();

    /// <summary>Reads a fixed of <paramref name="size"/> bytes as a slice of the input.</summary>
    public ReadOnlySpan<byte> ReadFixedSpan(string field, int size)
    {
        Need(size, field);
        var slice = _input.Slice(_position, size);
        _position += size;
        return slice;
    }

    /// <summary>Skips <paramref name="count"/> bytes.</summary>
    public void Skip(string field, long count)
    {
        if (count < 0 || count > Remaining)
        {
            throw Corrupt(field, $"cannot skip {count} bytes with {Remaining} left");
        }
        _position += (int)count;
    }

    /// <summary>Reads a uuid on string.</summary>
    public Guid ReadUuid(string field) => AvroUuid.Parse(ReadBytesSpan(field), field, _position);

    /// <summary>Reads a uuid on fixed(16) (RFC 4122 byte order).</summary>
    public Guid ReadUuidFixed(string field) => new(ReadFixedSpan(field, 16), bigEndian: true);

    /// <summary>Reads a duration (fixed(12): months, days, milliseconds).</summary>
    public AvroDuration ReadDuration(string field) =>
        AvroDuration.FromBytes(ReadFixedSpan(field, 12));

    /// <summary>Reads a decimal on bytes as a <see cref="decimal"/>.</summary>
    public decimal ReadDecimal(string field, int scale) =>
        ToDecimal(ReadAvroDecimal(field, scale), field);

    /// <summary>Reads a decimal on fixed as a <see cref="decimal"/>.</summary>
    public decimal ReadDecimalFixed(string field, int size, int scale) =>
        ToDecimal(ReadAvroDecimalFixed(field, size, scale), field);

    /// <summary>Reads a decimal on bytes of any precision.</summary>
    public AvroDecimal ReadAvroDecimal(string field, int scale) =>
        new(new BigInteger(ReadBytesSpan(field), isUnsigned: false, isBigEndian: true), scale);

    /// <summary>Reads a decimal on fixed of any precision.</summary>
    public AvroDecimal ReadAvroDecimalFixed(string field, int size, int scale) =>
        new(
            new BigInteger(ReadFixedSpan(field, size), isUnsigned: false, isBigEndian: true),
            scale
        );

    private readonly decimal ToDecimal(AvroDecimal value, string field) =>
        value.TryToDecimal(out var result)
            ? result
            : throw Corrupt(field, $"the decimal {value} does not fit a .NET decimal");

    /// <summary>Reads a date (days since 1970-01-01).</summary>
    public DateOnly ReadDate(string field) => Convert(field, ReadInt(field), AvroTime.DateFromDays);

    /// <summary>Reads a time-millis (milliseconds after midnight).</summary>
    public TimeOnly ReadTimeMillis(string field) =>
        Convert(field, ReadInt(field), AvroTime.TimeFromMillis);

    /// <summary>Reads a time-micros (microseconds after midnight).</summary>
    public TimeOnly ReadTimeMicros(string field) =>
        Convert(field, ReadLong(field), AvroTime.TimeFromMicros);

    /// <summary>Reads a timestamp-millis as a UTC instant.</summary>
    public DateTimeOffset ReadTimestampMillis(string field)
    {
        // The range checked here, not by catching the conversion's exception: a try/catch and a
        // delegate call kept the most common logical type's read out of the decoder.
        var millis = ReadLong(field);
        if ((ulong)(millis - AvroTime.MinTimestampMillis) > AvroTime.TimestampMillisSpan)
        {
            ThrowOutOfRange(field, millis);
        }
        return AvroTime.TimestampFromMillis(millis);
    }

    /// <summary>Reads a timestamp-micros as a UTC instant.</summary>
    public DateTimeOffset ReadTimestampMicros(string field)
    {
        var micros = ReadLong(field);
        if ((ulong)(micros - AvroTime.MinTimestampMicros) > AvroTime.TimestampMicrosSpan)
        {
            ThrowOutOfRange(field, micros);
        }
        return AvroTime.TimestampFromMicros(micros);
    }

    /// <summary>Reads a local-timestamp-millis (a wall-clock time, kind Unspecified).</summary>
    public DateTime ReadLocalTimestampMillis(string field) =>
        Convert(field, ReadLong(field), AvroTime.LocalTimestampFromMillis);

    /// <summary>Reads a local-timestamp-micros (a wall-clock time, kind Unspecified).</summary>
    public DateTime ReadLocalTimestampMicros(string field) =>
        Convert(field, ReadLong(field), AvroTime.LocalTimestampFromMicros);

    private readonly TResult Convert<TRaw, TResult>(
        string field,
        TRaw raw,
        Func<TRaw, TResult> convert
    )
        where TRaw : IBinaryInteger<TRaw>
    {
        try
        {
            return convert(raw);
        }
        catch (Exception e) when (e is ArgumentOutOfRangeException or OverflowException)
        {
            throw OutOfRange(field, long.CreateChecked(raw));
        }
    }
}
