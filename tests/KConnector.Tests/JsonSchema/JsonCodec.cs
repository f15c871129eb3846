using System.Buffers;
using System.Text.Json;
using KConnector.Json;

namespace KConnector.Tests.JsonSchema;

/// <summary>Writes and reads generated types through their static members, as converters do.</summary>
internal static class JsonCodec
{
    public static byte[] Write<T>(T value)
        where T : IJsonSchemaRecord<T>
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            T.WriteJson(writer, value);
        }
        return buffer.WrittenSpan.ToArray();
    }

    public static T Read<T>(string json)
        where T : IJsonSchemaRecord<T> => Read<T>(System.Text.Encoding.UTF8.GetBytes(json));

    public static T Read<T>(byte[] utf8)
        where T : IJsonSchemaRecord<T>
    {
        var reader = new Utf8JsonReader(utf8);
        return T.ReadJson(ref reader);
    }
}
