using System.Buffers;
using System.Text.Json;
using KConnector.Avro;
using KConnector.Json;

namespace KConnector.Converters.Json;

/// <summary>
/// A type generated from an .avsc file, for the JsonConverter: written by its generated
/// <c>WriteJson</c>, read by transcoding the JSON into Avro binary along its schema and decoding
/// that with its generated codec (no reflection); Connect schema as Confluent's AvroData maps Avro.
/// </summary>
/// <typeparam name="T">The generated type.</typeparam>
public sealed class AvroRecordJsonCodec<T> : IJsonCodec<T>
    where T : IAvroRecord<T>, IJsonRecord<T>
{
    private readonly AvroJsonTranscoder _transcoder = new(T.AvroSchemaJson);
    private readonly ArrayBufferWriter<byte> _buffer = new(256);

    // Made when first asked for (schemas.enable=true): a recursive record has no Connect schema,
    // yet reads and writes as plain JSON.
    private readonly Lazy<ConnectSchema> _schema = new(() =>
        ConnectSchemas.FromAvro(T.AvroSchemaJson)
    );

    /// <inheritdoc />
    public ConnectSchema Schema => _schema.Value;

    /// <inheritdoc />
    public void Write(Utf8JsonWriter writer, T value) => T.WriteJson(writer, value);

    /// <inheritdoc />
    public T Read(ref Utf8JsonReader reader)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        _buffer.ResetWrittenCount();
        _transcoder.Transcode(document.RootElement, _buffer);
        var avro = new AvroReader(_buffer.WrittenSpan);
        return T.Decode(ref avro);
    }
}
