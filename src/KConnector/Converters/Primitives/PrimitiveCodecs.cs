using System.Text.Json;
using KConnector.Avro;
using KConnector.Json;

namespace KConnector.Converters.Primitives;

/// <summary>
/// The <see cref="PrimitiveCodec{T}"/> of each C# type a compiled chain's primitive output may
/// have: int (Connect's INT8, INT16 and INT32, all Avro ints), long, float, double, bool, string,
/// byte[], and Connect's Timestamp, Date and Time as DateTimeOffset (epoch milliseconds),
/// DateOnly (epoch days) and TimeOnly (milliseconds of the day), as AvroData and JsonConverter
/// encode them; a value type's Nullable too (an optional schema, whose union branch the
/// converter writes).
/// </summary>
internal static class PrimitiveCodecs
{
    private static readonly Dictionary<Type, object> ByType = Build();

    /// <summary>The codec of <typeparamref name="T"/>, or null for a type that is no Connect primitive.</summary>
    public static PrimitiveCodec<T>? For<T>() =>
        ByType.TryGetValue(typeof(T), out var codec) ? (PrimitiveCodec<T>)codec : null;

    private static Dictionary<Type, object> Build()
    {
        var byType = new Dictionary<Type, object>
        {
            [typeof(string)] = new PrimitiveCodec<string>
            {
                WriteAvro = static (ref AvroWriter w, string v) => w.WriteString(v),
                ReadAvro = static (ref AvroReader r) => r.ReadString("value"),
                WriteJson = static (w, v) => w.WriteStringValue(v),
                ReadJson = JsonValueReaders.String,
            },
            [typeof(byte[])] = new PrimitiveCodec<byte[]>
            {
                WriteAvro = static (ref AvroWriter w, byte[] v) => w.WriteBytes(v),
                ReadAvro = static (ref AvroReader r) => r.ReadBytes("value"),
                WriteJson = static (w, v) => w.WriteBase64StringValue(v),
                ReadJson = static (ref Utf8JsonReader r) => r.GetBytesFromBase64(),
            },
        };
        Add(
            byType,
            static (ref AvroWriter w, int v) => w.WriteInt(v),
            static (ref AvroReader r) => r.ReadInt("value"),
            static (w, v) => w.WriteNumberValue(v),
            static (ref Utf8JsonReader r) => checked((int)JsonValueReaders.Int64(ref r))
        );
        Add(
            byType,
            static (ref AvroWriter w, long v) => w.WriteLong(v),
            static (ref AvroReader r) => r.ReadLong("value"),
            static (w, v) => w.WriteNumberValue(v),
            JsonValueReaders.Int64
        );
        Add(
            byType,
            static (ref AvroWriter w, float v) => w.WriteFloat(v),
            static (ref AvroReader r) => r.ReadFloat("value"),
            AvroJson.WriteNumber,
            static (ref Utf8JsonReader r) => (float)JsonValueReaders.Double(ref r)
        );
        Add(
            byType,
            static (ref AvroWriter w, double v) => w.WriteDouble(v),
            static (ref AvroReader r) => r.ReadDouble("value"),
            AvroJson.WriteNumber,
            JsonValueReaders.Double
        );
        Add(
            byType,
            static (ref AvroWriter w, bool v) => w.WriteBoolean(v),
            static (ref AvroReader r) => r.ReadBoolean("value"),
            static (w, v) => w.WriteBooleanValue(v),
            JsonValueReaders.Boolean
        );
        // Connect's logical types: AvroData and JsonConverter carry their encodings (Timestamp, Date, Time).
        var longs = (PrimitiveCodec<long>)byType[typeof(long)];
        var ints = (PrimitiveCodec<int>)byType[typeof(int)];
        Encoded(byType, longs, AvroTime.ToUnixMillis, AvroTime.TimestampFromMillis);
        Encoded(byType, ints, AvroTime.ToDays, AvroTime.DateFromDays);
        Encoded(byType, ints, AvroTime.ToMillisOfDay, AvroTime.TimeFromMillis);
        return byType;
    }

    // A logical type written as its encoding's codec writes the encoding.
    private static void Encoded<TEncoding, T>(
        Dictionary<Type, object> byType,
        PrimitiveCodec<TEncoding> encoding,
        Func<T, TEncoding> encode,
        Func<TEncoding, T> decode
    )
        where T : struct =>
        Add(
            byType,
            (ref AvroWriter w, T v) => encoding.WriteAvro(ref w, encode(v)),
            (ref AvroReader r) => decode(encoding.ReadAvro(ref r)),
            (w, v) => encoding.WriteJson(w, encode(v)),
            (ref Utf8JsonReader r) => decode(encoding.ReadJson(ref r))
        );

    // The type and its Nullable (a value type's optional schema; the converter writes the union's branch).
    private static void Add<T>(
        Dictionary<Type, object> byType,
        PrimitiveCodec<T>.AvroWrite writeAvro,
        PrimitiveCodec<T>.AvroRead readAvro,
        JsonValueWriter<T> writeJson,
        JsonValueReader<T> readJson
    )
        where T : struct
    {
        byType[typeof(T)] = new PrimitiveCodec<T>
        {
            WriteAvro = writeAvro,
            ReadAvro = readAvro,
            WriteJson = writeJson,
            ReadJson = readJson,
        };
        byType[typeof(T?)] = new PrimitiveCodec<T?>
        {
            WriteAvro = (ref AvroWriter w, T? v) => writeAvro(ref w, v!.Value),
            ReadAvro = (ref AvroReader r) => readAvro(ref r),
            WriteJson = (w, v) => writeJson(w, v!.Value),
            ReadJson = (ref Utf8JsonReader r) => readJson(ref r),
        };
    }
}
