using System.Buffers;
using System.Buffers.Binary;
using System.Collections.Concurrent;
using KConnector.Avro;
using KConnector.SchemaRegistry;

namespace KConnector.Converters;

/// <summary>
/// Kafka Connect's <c>AvroConverter</c> for a generated record type: Confluent's wire format
/// (magic byte 0, the 4-byte big-endian schema id, then the Avro binary payload), with the schema
/// registered under the topic's subject (TopicNameStrategy: <c>{topic}-key</c> or <c>{topic}-value</c>).
/// </summary>
/// <typeparam name="T">A type generated from an .avsc file.</typeparam>
public sealed class AvroConverter<T> : IConverter<T>
    where T : class, IAvroRecord<T>
{
    private const byte MagicByte = 0;
    private const int HeaderLength = 5;
    private readonly ISchemaRegistryClient _registry;
    private readonly bool _isKey;
    private readonly ConcurrentDictionary<string, int> _idByTopic = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<int, bool> _writerMatchesReader = new();
    private readonly ArrayBufferWriter<byte> _buffer = new(256);

    /// <summary>Creates a converter that registers and looks up schemas in <paramref name="registry"/>.</summary>
    public AvroConverter(ISchemaRegistryClient registry, bool isKey)
    {
        ArgumentNullException.ThrowIfNull(registry);
        _registry = registry;
        _isKey = isKey;
    }

    /// <inheritdoc />
    public byte[]? FromConnectData(string topic, T? value)
    {
        if (value is null)
        {
            return null;
        }
        var id = _idByTopic.GetOrAdd(topic, RegisterSchema);
        _buffer.ResetWrittenCount();
        var header = _buffer.GetSpan(HeaderLength);
        header[0] = MagicByte;
        BinaryPrimitives.WriteInt32BigEndian(header[1..], id);
        _buffer.Advance(HeaderLength);
        var writer = new AvroWriter(_buffer);
        T.Encode(ref writer, value);
        return _buffer.WrittenSpan.ToArray();
    }

    /// <inheritdoc />
    public T? ToConnectData(string topic, byte[]? data)
    {
        if (data is null)
        {
            return null;
        }
        if (data.Length < HeaderLength || data[0] != MagicByte)
        {
            throw new AvroDecodeException(
                $"Record from topic '{topic}' is not in Confluent's wire format: "
                    + (
                        data.Length == 0
                            ? "it is empty."
                            : $"the magic byte is {data[0]}, expected 0."
                    )
            );
        }
        var id = BinaryPrimitives.ReadInt32BigEndian(data.AsSpan(1, 4));
        if (!_writerMatchesReader.GetOrAdd(id, WriterMatchesReader))
        {
            throw new AvroDecodeException(
                $"Record from topic '{topic}' was written with schema id {id}, which differs from {typeof(T).Name}'s schema; "
                    + "schema resolution between different writer and reader schemas is not supported yet."
            );
        }
        var reader = new AvroReader(data.AsSpan(HeaderLength));
        return T.Decode(ref reader);
    }

    private int RegisterSchema(string topic) =>
        _registry
            .RegisterSchemaAsync(Subject(topic), T.AvroSchemaJson, CancellationToken.None)
            .AsTask()
            .GetAwaiter()
            .GetResult();

    private bool WriterMatchesReader(int id)
    {
        var writer = _registry
            .GetSchemaAsync(id, CancellationToken.None)
            .AsTask()
            .GetAwaiter()
            .GetResult();
        return string.Equals(writer, T.AvroSchemaJson, StringComparison.Ordinal);
    }

    private string Subject(string topic) => topic + (_isKey ? "-key" : "-value");
}
