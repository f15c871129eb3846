using System.Buffers;
using System.Text.Json;
using KConnector.Converters.Json;

namespace KConnector.Converters;

/// <summary>
/// Kafka Connect's <c>org.apache.kafka.connect.json.JsonConverter</c>: with <c>schemas.enable=true</c>
/// (the default) each value is wrapped in the envelope <c>{"schema": ..., "payload": ...}</c> with the
/// Connect schema of <typeparamref name="T"/>; with false, plain JSON. Null stays null. The writer and
/// its buffer are reused; the envelope's schema is written once and copied.
/// </summary>
/// <typeparam name="T">The typed key or value.</typeparam>
public sealed class JsonConverter<T> : IConverter<T>, IDeadLetterEncoding<T>
{
    private readonly IJsonCodec<T> _codec;
    private readonly bool _schemasEnable;
    private readonly byte[] _schemaJson;
    private readonly ArrayBufferWriter<byte> _buffer = new(256);
    private readonly Utf8JsonWriter _writer;

    /// <summary>Creates a converter for <paramref name="codec"/> with <paramref name="config"/>'s <c>schemas.enable</c>.</summary>
    public JsonConverter(IJsonCodec<T> codec, ConverterConfig config)
    {
        ArgumentNullException.ThrowIfNull(codec);
        ArgumentNullException.ThrowIfNull(config);
        _codec = codec;
        _schemasEnable = config.SchemasEnable;
        // Only the envelope needs the Connect schema (a recursive record has none); a schemaless
        // value has none either: Connect's envelope says "schema": null.
        _schemaJson =
            !config.SchemasEnable ? []
            : codec is JsonNodeJsonCodec or SchemalessJsonCodec ? "null"u8.ToArray()
            : EnvelopeSchema(codec, config);
        _writer = new Utf8JsonWriter(_buffer, new JsonWriterOptions { SkipValidation = true });
    }

    private static byte[] EnvelopeSchema(IJsonCodec<T> codec, ConverterConfig config)
    {
        try
        {
            return codec.Schema.ToUtf8();
        }
        catch (Errors.ConfigException e) when (e.Key == ConverterConfig.SchemasEnableKey)
        {
            var key = (config.IsKey ? "key" : "value") + ".converter." + e.Key;
            throw new Errors.ConfigException(key, $"{key}=true: {e.Message}");
        }
    }

    /// <inheritdoc />
    /// <exception cref="DataException">The value cannot be written (naming the topic).</exception>
    /// <exception cref="Errors.DependencyUnavailableException">The Schema Registry cannot answer.</exception>
    public byte[]? FromConnectData(string topic, T? value)
    {
        try
        {
            return Write(topic, value);
        }
        catch (Exception e) when (ConverterFailure.IsForeign(e))
        {
            throw ConverterFailure.Writing(topic, typeof(T), e);
        }
    }

    private byte[]? Write(string topic, T? value)
    {
        if (value is null)
        {
            return null;
        }
        _buffer.ResetWrittenCount();
        _writer.Reset(_buffer);
        if (_schemasEnable)
        {
            _writer.WriteStartObject();
            _writer.WritePropertyName("schema"u8);
            _writer.WriteRawValue(_schemaJson, skipInputValidation: true);
            _writer.WritePropertyName("payload"u8);
            _codec.Write(_writer, value);
            _writer.WriteEndObject();
        }
        else
        {
            _codec.Write(_writer, value);
        }
        _writer.Flush();
        return _buffer.WrittenSpan.ToArray();
    }

    /// <inheritdoc />
    public string DeadLetterEncoding => "json";

    /// <inheritdoc />
    public byte[] EncodeForDeadLetter(T value)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            _codec.Write(writer, value);
        }
        return buffer.WrittenSpan.ToArray();
    }

    /// <inheritdoc />
    /// <exception cref="DataException">The bytes cannot be read (naming the topic).</exception>
    /// <exception cref="Errors.DependencyUnavailableException">The Schema Registry cannot answer.</exception>
    public T? ToConnectData(string topic, byte[]? data)
    {
        try
        {
            return Read(topic, data);
        }
        catch (Exception e) when (ConverterFailure.IsForeign(e))
        {
            throw ConverterFailure.Reading(topic, typeof(T), e);
        }
    }

    private T? Read(string topic, byte[]? data)
    {
        if (data is null)
        {
            return default;
        }
        try
        {
            var reader = new Utf8JsonReader(data);
            if (!reader.Read())
            {
                throw new DataException($"Record from topic '{topic}' holds no JSON value.");
            }
            return _schemasEnable ? ReadEnvelope(topic, ref reader) : ReadValue(ref reader);
        }
        catch (JsonException e)
        {
            throw new DataException(
                $"Converting byte[] to Kafka Connect data failed due to serialization error of topic '{topic}': {e.Message}",
                e
            );
        }
    }

    private T? ReadEnvelope(string topic, ref Utf8JsonReader reader)
    {
        // JsonConverter.toConnectData: an envelope has exactly "schema" and "payload".
        var sawSchema = false;
        var sawPayload = false;
        T? value = default;
        if (reader.TokenType == JsonTokenType.StartObject)
        {
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("schema"u8) && !sawSchema)
                {
                    sawSchema = true;
                    reader.Read();
                    reader.Skip();
                }
                else if (reader.ValueTextEquals("payload"u8) && !sawPayload)
                {
                    sawPayload = true;
                    reader.Read();
                    value = ReadValue(ref reader);
                }
                else
                {
                    sawPayload = false;
                    break;
                }
            }
        }
        if (!sawSchema || !sawPayload)
        {
            throw new DataException(
                $"Record from topic '{topic}': JsonConverter with schemas.enable requires \"schema\" and \"payload\" fields and may not contain additional fields. "
                    + "If you are trying to deserialize plain JSON data, set schemas.enable=false in your converter configuration."
            );
        }
        return value;
    }

    private T? ReadValue(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return default;
        }
        return _codec.Read(ref reader);
    }
}
