using System.Buffers;
using System.Text.Json;
using KConnector.Json;

namespace KConnector.Connectors.Shapes;

/// <summary>
/// A <see cref="RecordAccessor{T}"/> for a type generated from a JSON Schema (<c>*.schema.json</c>).
/// The shape comes from the schema's top-level <c>properties</c> (integer to long, number to double,
/// boolean, string; a property that is not <c>required</c>, or whose type admits <c>"null"</c>, is
/// nullable; <c>"contentEncoding": "base64"</c> strings are bytes). Reads by writing the record with
/// its generated <c>WriteJson</c> into a reused buffer and picking the properties; builds by writing
/// a JSON object from the values and calling the generated <c>ReadJson</c>. No reflection.
/// </summary>
/// <typeparam name="T">A type generated from a JSON Schema.</typeparam>
public sealed class JsonSchemaRecordAccessor<T> : RecordAccessor<T>
    where T : IJsonSchemaRecord<T>
{
    private readonly ArrayBufferWriter<byte> _buffer = new(256);
    private readonly Utf8JsonWriter _writer;

    /// <summary>Creates an accessor; the schema is parsed once per type and cached.</summary>
    /// <exception cref="FormatException">The schema is not an object schema of supported property types; the message names the property.</exception>
    public JsonSchemaRecordAccessor()
    {
        Shape = JsonSchemaShape.FromJsonSchema(T.JsonSchemaText);
        _writer = new Utf8JsonWriter(_buffer);
    }

    /// <inheritdoc />
    public override RecordShape Shape { get; }

    /// <inheritdoc />
    public override void Read(T record, Span<object?> values)
    {
        _buffer.ResetWrittenCount();
        _writer.Reset();
        T.WriteJson(_writer, record);
        _writer.Flush();
        using var document = JsonDocument.Parse(_buffer.WrittenMemory);
        JsonFieldReader.Read(document.RootElement, Shape, values);
    }

    /// <inheritdoc />
    public override T Create(ReadOnlySpan<object?> values)
    {
        _buffer.ResetWrittenCount();
        _writer.Reset();
        _writer.WriteStartObject();
        var fields = Shape.Fields;
        for (var i = 0; i < fields.Count; i++)
        {
            var name = fields[i].Name;
            switch (values[i])
            {
                case null:
                    if (!fields[i].IsNullable)
                    {
                        throw new FormatException(
                            $"field '{name}' of {Shape.Name} is not nullable but the source value is null"
                        );
                    }
                    break; // absent: valid for optional properties whatever their type says
                case bool b:
                    _writer.WriteBoolean(name, b);
                    break;
                case int n:
                    _writer.WriteNumber(name, n);
                    break;
                case long n:
                    _writer.WriteNumber(name, n);
                    break;
                case float n:
                    _writer.WriteNumber(name, n);
                    break;
                case double n:
                    _writer.WriteNumber(name, n);
                    break;
                case byte[] bytes:
                    _writer.WriteBase64String(name, bytes);
                    break;
                default:
                    _writer.WriteString(name, (string)values[i]!);
                    break;
            }
        }
        _writer.WriteEndObject();
        _writer.Flush();
        var reader = new Utf8JsonReader(_buffer.WrittenSpan);
        reader.Read();
        return T.ReadJson(ref reader);
    }
}
