using System.Buffers;
using KConnector.Avro;
using KConnector.SchemaRegistry;

namespace KConnector.Converters.Primitives;

/// <summary>
/// Confluent's <c>AvroConverter</c> for a compiled chain's primitive key or value: the primitive's
/// Avro schema as AvroData's <c>fromConnectSchema</c> writes a Connect primitive schema (<c>"long"</c>,
/// <c>{"type": "int", "connect.type": "int16"}</c>, a logical type with its <c>connect.name</c>, an
/// optional one as <c>["null", T]</c>) registered under the strategy's subject (<c>{topic}-value</c>
/// by default), then Confluent's wire format around the Avro binary of the value. Reading takes the
/// writer's schema to be this primitive's (only sources make primitives: a sink reads the topic's
/// record before its chain), so it resolves no other writer schema.
/// </summary>
/// <typeparam name="T">The primitive's C# type.</typeparam>
internal sealed class PrimitiveAvroConverter<T> : IConverter<T>, IDeadLetterEncoding<T>
{
    private readonly WriterSchemaIds _writerIds;
    private readonly PrimitiveCodec<T> _codec;
    private readonly bool _optional;
    private readonly ArrayBufferWriter<byte> _buffer = new(64);

    public PrimitiveAvroConverter(
        ISchemaRegistryClient registry,
        ConverterConfig config,
        string avroSchemaJson,
        PrimitiveCodec<T> codec
    )
    {
        _codec = codec;
        _optional = avroSchemaJson.TrimStart().StartsWith('[');
        _writerIds = new WriterSchemaIds(
            registry,
            config,
            new Schema(avroSchemaJson, SchemaType.Avro),
            TypeName(avroSchemaJson)
        );
    }

    // What RecordNameStrategy names the subject after: Avro's name of the (non-null) primitive type.
    private static string TypeName(string avroSchemaJson)
    {
        using var doc = System.Text.Json.JsonDocument.Parse(avroSchemaJson);
        var type = doc.RootElement;
        if (type.ValueKind == System.Text.Json.JsonValueKind.Array)
        {
            type = type[1];
        }
        return type.ValueKind == System.Text.Json.JsonValueKind.Object
            ? type.GetProperty("type").GetString()!
            : type.GetString()!;
    }

    /// <inheritdoc />
    public byte[]? FromConnectData(string topic, T? value)
    {
        try
        {
            if (value is null)
            {
                return null;
            }
            var id = _writerIds.For(topic);
            _buffer.ResetWrittenCount();
            ConfluentWireFormat.WriteHeader(_buffer, id);
            Encode(_buffer, value);
            return _buffer.WrittenSpan.ToArray();
        }
        catch (Exception e) when (ConverterFailure.IsForeign(e))
        {
            throw ConverterFailure.Writing(topic, typeof(T), e);
        }
    }

    /// <inheritdoc />
    public T? ToConnectData(string topic, byte[]? data)
    {
        if (data is null)
        {
            return default;
        }
        ConfluentWireFormat.ReadSchemaId(topic, data);
        try
        {
            var reader = new AvroReader(data.AsSpan(ConfluentWireFormat.HeaderLength));
            return _optional && reader.ReadUnionIndex("value", 2) == 0
                ? default
                : _codec.ReadAvro(ref reader);
        }
        catch (Exception e) when (ConverterFailure.IsForeign(e))
        {
            throw ConverterFailure.Reading(topic, typeof(T), e);
        }
    }

    /// <inheritdoc />
    public string DeadLetterEncoding => "avro-binary";

    /// <inheritdoc />
    public byte[] EncodeForDeadLetter(T value)
    {
        var buffer = new ArrayBufferWriter<byte>(64);
        Encode(buffer, value);
        return buffer.WrittenSpan.ToArray();
    }

    private void Encode(IBufferWriter<byte> buffer, T value)
    {
        var writer = new AvroWriter(buffer);
        if (_optional)
        {
            // ["null", T]: the value is the second branch.
            writer.WriteUnionIndex(1);
        }
        _codec.WriteAvro(ref writer, value);
    }
}
