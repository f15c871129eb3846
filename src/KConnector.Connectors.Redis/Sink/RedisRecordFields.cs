using System.Buffers;
using System.Globalization;
using System.Text.Json;
using KConnector.Connectors.Shapes;
using StackExchange.Redis;

namespace KConnector.Connectors.Redis.Sink;

/// <summary>
/// A record's key or value as Redis sees it: a scalar (string, bytes, number) as one value, a
/// typed record as its fields in schema order, read through the record accessor the SQL sink uses
/// (no reflection). Null fields are left out, as Redis hashes and stream entries have no null.
/// </summary>
/// <typeparam name="T">The key or value type.</typeparam>
internal sealed class RedisRecordFields<T>
{
    private readonly RecordAccessor<T>? _accessor;
    private readonly object?[] _values;
    private readonly ArrayBufferWriter<byte> _json = new(256);

    /// <summary>Creates the reader; a null or primitive accessor makes the side a scalar.</summary>
    public RedisRecordFields(RecordAccessor<T>? accessor)
    {
        IsRecord = accessor is not null and not PrimitiveRecordAccessor<T>;
        _accessor = IsRecord ? accessor : null;
        _values = new object?[_accessor?.Shape.Fields.Count ?? 0];
    }

    /// <summary>True when the side has fields (a generated record), false for a scalar.</summary>
    public bool IsRecord { get; }

    /// <summary>The fields with a value, as name/value pairs.</summary>
    public List<(string Name, RedisValue Value)> Fields(T record)
    {
        var shape = _accessor!.Shape;
        _accessor.Read(record, _values);
        var fields = new List<(string, RedisValue)>(_values.Length);
        for (var i = 0; i < _values.Length; i++)
        {
            if (_values[i] is { } value)
            {
                fields.Add((shape.Fields[i].Name, Scalar(value)));
            }
        }
        return fields;
    }

    /// <summary>The fields' values joined by <paramref name="separator"/> (a record key), or the scalar.</summary>
    public string Text(T record, string separator) =>
        IsRecord
            ? string.Join(separator, Fields(record).Select(f => (string?)f.Value))
            : (string?)Scalar(record!) ?? string.Empty;

    /// <summary>One Redis value: the scalar itself, or a record as a JSON object of its fields.</summary>
    public RedisValue Value(T record) => IsRecord ? Json(record) : Scalar(record!);

    private static RedisValue Scalar(object value) =>
        value switch
        {
            string s => s,
            byte[] b => b,
            bool b => b ? "true" : "false",
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? string.Empty,
        };

    private RedisValue Json(T record)
    {
        var shape = _accessor!.Shape;
        _accessor.Read(record, _values);
        _json.ResetWrittenCount();
        using (var writer = new Utf8JsonWriter(_json))
        {
            writer.WriteStartObject();
            for (var i = 0; i < _values.Length; i++)
            {
                writer.WritePropertyName(shape.Fields[i].Name);
                WriteJson(writer, _values[i]);
            }
            writer.WriteEndObject();
        }
        return _json.WrittenSpan.ToArray();
    }

    private static void WriteJson(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case string s:
                writer.WriteStringValue(s);
                break;
            case bool b:
                writer.WriteBooleanValue(b);
                break;
            case int n:
                writer.WriteNumberValue(n);
                break;
            case long n:
                writer.WriteNumberValue(n);
                break;
            case float n:
                writer.WriteNumberValue(n);
                break;
            case double n:
                writer.WriteNumberValue(n);
                break;
            case byte[] bytes:
                writer.WriteBase64StringValue(bytes);
                break;
            default:
                writer.WriteStringValue(Convert.ToString(value, CultureInfo.InvariantCulture));
                break;
        }
    }
}
