using System.Buffers;
using Google.Protobuf.Reflection;
using KConnector.Converters;

namespace KConnector.Protobuf;

/// <summary>
/// The message-index array of Confluent's Protobuf wire format: the path from the .proto file to the
/// message type (its index among the file's top-level messages, then among each parent's nested
/// messages), written after the schema id as a zig-zag varint count followed by zig-zag varint
/// indexes; the common <c>[0]</c> (the file's first message) is written as the single byte 0
/// (https://docs.confluent.io/platform/current/schema-registry/fundamentals/serdes-develop/index.html#wire-format).
/// </summary>
public static class ProtobufMessageIndexes
{
    /// <summary>The path of <paramref name="descriptor"/> in its file, outermost first.</summary>
    public static int[] Of(MessageDescriptor descriptor)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        var path = new List<int>();
        for (var d = descriptor; d is not null; d = d.ContainingType)
        {
            path.Add(d.Index);
        }
        path.Reverse();
        return [.. path];
    }

    /// <summary>Writes <paramref name="indexes"/> as the wire format's message-index array.</summary>
    public static void Write(IBufferWriter<byte> output, ReadOnlySpan<int> indexes)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (indexes.Length == 1 && indexes[0] == 0)
        {
            output.GetSpan(1)[0] = 0;
            output.Advance(1);
            return;
        }
        WriteZigZag(output, indexes.Length);
        foreach (var index in indexes)
        {
            WriteZigZag(output, index);
        }
    }

    /// <summary>Reads a message-index array from the start of <paramref name="data"/>; returns the bytes it took.</summary>
    /// <exception cref="DataException">The varints are truncated or the count is unreasonable.</exception>
    public static int Read(ReadOnlySpan<byte> data, out int[] indexes)
    {
        var position = 0;
        var count = ReadZigZag(data, ref position);
        if (count == 0)
        {
            indexes = [0];
            return position;
        }
        if (count < 0 || count > data.Length)
        {
            throw new DataException($"Invalid Protobuf message-index count {count}.");
        }
        indexes = new int[count];
        for (var i = 0; i < count; i++)
        {
            indexes[i] = ReadZigZag(data, ref position);
        }
        return position;
    }

    private static void WriteZigZag(IBufferWriter<byte> output, int value)
    {
        var zigzag = (uint)((value << 1) ^ (value >> 31));
        var span = output.GetSpan(5);
        var n = 0;
        while (zigzag >= 0x80)
        {
            span[n++] = (byte)(zigzag | 0x80);
            zigzag >>= 7;
        }
        span[n++] = (byte)zigzag;
        output.Advance(n);
    }

    private static int ReadZigZag(ReadOnlySpan<byte> data, ref int position)
    {
        uint result = 0;
        for (var shift = 0; shift < 35; shift += 7)
        {
            if (position >= data.Length)
            {
                throw new DataException("The Protobuf message-index array is truncated.");
            }
            var b = data[position++];
            result |= (uint)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                return (int)(result >> 1) ^ -(int)(result & 1);
            }
        }
        throw new DataException("A Protobuf message index is longer than a 32-bit varint.");
    }
}
