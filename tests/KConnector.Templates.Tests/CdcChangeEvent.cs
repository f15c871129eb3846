using System.Text;
using System.Text.Json;

namespace KConnector.Templates.Tests;

/// <summary>
/// One record of a CDC topic: the row's id from Debezium's key, and the value's <c>op</c> and
/// payload (null for a tombstone), both as JsonConverter writes them (<c>{schema, payload}</c>).
/// </summary>
internal sealed record CdcChangeEvent(int Id, string? Op, JsonElement? Payload)
{
    public static CdcChangeEvent From(byte[] key, byte[]? value)
    {
        var id = PayloadOf(key).GetProperty("id").GetInt32();
        if (value is null)
        {
            return new CdcChangeEvent(id, null, null);
        }
        var payload = PayloadOf(value);
        return new CdcChangeEvent(id, payload.GetProperty("op").GetString(), payload);
    }

    private static JsonElement PayloadOf(byte[] json) =>
        JsonDocument.Parse(Encoding.UTF8.GetString(json)).RootElement.GetProperty("payload");
}
