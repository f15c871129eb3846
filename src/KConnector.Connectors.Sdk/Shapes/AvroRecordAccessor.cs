using System.Buffers;
using KConnector.Avro;

namespace KConnector.Connectors.Shapes;

/// <summary>
/// A <see cref="RecordAccessor{T}"/> for a generated Avro type. Reads by encoding the record
/// with its generated codec into a reused buffer and walking the bytes field by field with the
/// shape parsed from <c>T.AvroSchemaJson</c>; builds by writing Avro from the values and calling
/// the generated decoder. Both codecs are straight-line generated code, so this costs one small
/// encode per record and no reflection; a later generator version can emit direct accessors.
/// </summary>
/// <typeparam name="T">A generated Avro record type.</typeparam>
public sealed class AvroRecordAccessor<T> : RecordAccessor<T>
    where T : IAvroRecord<T>
{
    private readonly ArrayBufferWriter<byte> _buffer = new(256);

    /// <summary>Creates an accessor; the shape is parsed once per type and cached.</summary>
    public AvroRecordAccessor()
    {
        Shape = RecordShape.FromAvroSchema(T.AvroSchemaJson);
    }

    /// <inheritdoc />
    public override RecordShape Shape { get; }

    /// <inheritdoc />
    public override void Read(T record, Span<object?> values)
    {
        _buffer.ResetWrittenCount();
        var writer = new AvroWriter(_buffer);
        T.Encode(ref writer, record);
        var reader = new AvroReader(_buffer.WrittenSpan);
        var fields = Shape.Fields;
        for (var i = 0; i < fields.Count; i++)
        {
            var field = fields[i];
            if (field.IsNullable && reader.ReadUnionIndex(field.Name, 2) == field.NullBranch)
            {
                values[i] = null;
                continue;
            }
            values[i] = field.Type switch
            {
                FieldType.Boolean => reader.ReadBoolean(field.Name),
                FieldType.Int => reader.ReadInt(field.Name),
                FieldType.Long => reader.ReadLong(field.Name),
                FieldType.Float => reader.ReadFloat(field.Name),
                FieldType.Double => reader.ReadDouble(field.Name),
                FieldType.Bytes => reader.ReadBytes(field.Name),
                _ => reader.ReadString(field.Name),
            };
        }
    }

    /// <inheritdoc />
    public override T Create(ReadOnlySpan<object?> values)
    {
        _buffer.ResetWrittenCount();
        var writer = new AvroWriter(_buffer);
        var fields = Shape.Fields;
        for (var i = 0; i < fields.Count; i++)
        {
            var field = fields[i];
            var value = values[i];
            if (field.IsNullable)
            {
                writer.WriteUnionIndex(value is null ? field.NullBranch : 1 - field.NullBranch);
                if (value is null)
                {
                    continue;
                }
            }
            else if (value is null)
            {
                throw new FormatException(
                    $"field '{field.Name}' of {Shape.Name} is not nullable but the source value is null"
                );
            }
            switch (field.Type)
            {
                case FieldType.Boolean:
                    writer.WriteBoolean((bool)value);
                    break;
                case FieldType.Int:
                    writer.WriteInt((int)value);
                    break;
                case FieldType.Long:
                    writer.WriteLong((long)value);
                    break;
                case FieldType.Float:
                    writer.WriteFloat((float)value);
                    break;
                case FieldType.Double:
                    writer.WriteDouble((double)value);
                    break;
                case FieldType.Bytes:
                    writer.WriteBytes((byte[])value);
                    break;
                default:
                    writer.WriteString((string)value);
                    break;
            }
        }
        var reader = new AvroReader(_buffer.WrittenSpan);
        return T.Decode(ref reader);
    }
}
