using System.Buffers.Binary;

namespace KConnector.Avro;

/// <summary>
/// The Avro duration logical type (spec "Duration"): a fixed(12) of three little-endian unsigned
/// ints, months, days and milliseconds, which stay separate because a month has no fixed length.
/// </summary>
/// <param name="Months">Whole months.</param>
/// <param name="Days">Whole days.</param>
/// <param name="Milliseconds">Milliseconds.</param>
public readonly record struct AvroDuration(uint Months, uint Days, uint Milliseconds)
{
    /// <summary>Reads the 12 bytes of a duration.</summary>
    public static AvroDuration FromBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != 12)
        {
            throw new ArgumentException("A duration is 12 bytes.", nameof(bytes));
        }
        return new AvroDuration(
            BinaryPrimitives.ReadUInt32LittleEndian(bytes),
            BinaryPrimitives.ReadUInt32LittleEndian(bytes[4..]),
            BinaryPrimitives.ReadUInt32LittleEndian(bytes[8..])
        );
    }

    /// <summary>The 12 bytes of this duration.</summary>
    public byte[] ToBytes()
    {
        var bytes = new byte[12];
        BinaryPrimitives.WriteUInt32LittleEndian(bytes, Months);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(4), Days);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(8), Milliseconds);
        return bytes;
    }
}
