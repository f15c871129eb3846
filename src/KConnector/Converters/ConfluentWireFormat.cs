using System.Buffers;
using System.Buffers.Binary;

namespace KConnector.Converters;

/// <summary>
/// Confluent's wire format (https://docs.confluent.io/platform/current/schema-registry/fundamentals/serdes-develop/index.html#wire-format):
/// magic byte 0, the schema id as a 4-byte big-endian integer, then the payload.
/// </summary>
public static class ConfluentWireFormat
{
    /// <summary>The only magic byte defined so far.</summary>
    public const byte MagicByte = 0;

    /// <summary>The magic byte and the schema id.</summary>
    public const int HeaderLength = 5;

    /// <summary>Writes the magic byte and <paramref name="schemaId"/> to <paramref name="output"/>.</summary>
    public static void WriteHeader(IBufferWriter<byte> output, int schemaId)
    {
        ArgumentNullException.ThrowIfNull(output);
        var header = output.GetSpan(HeaderLength);
        header[0] = MagicByte;
        BinaryPrimitives.WriteInt32BigEndian(header[1..], schemaId);
        output.Advance(HeaderLength);
    }

    /// <summary>Reads the schema id of a framed record; a <see cref="DataException"/> naming <paramref name="topic"/>
    /// when the bytes are too short or the magic byte is not 0.</summary>
    public static int ReadSchemaId(string topic, ReadOnlySpan<byte> data)
    {
        if (data.Length < HeaderLength)
        {
            throw new DataException(
                $"Record from topic '{topic}' is not in Confluent's wire format: it has {data.Length} byte(s), fewer than the 5 of the magic byte and schema id."
            );
        }
        if (data[0] != MagicByte)
        {
            throw new DataException(
                $"Record from topic '{topic}' is not in Confluent's wire format: unknown magic byte {data[0]} (expected 0)."
            );
        }
        return BinaryPrimitives.ReadInt32BigEndian(data[1..]);
    }
}
