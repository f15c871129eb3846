using System.Text.Json;

namespace KConnector.Json;

/// <summary>
/// A generated type that writes itself as plain JSON (field names as in its schema), without
/// reflection: what JSON-lines sinks and the schemaless Json converter use.
/// </summary>
/// <typeparam name="TSelf">The generated record type.</typeparam>
public interface IJsonRecord<TSelf>
    where TSelf : IJsonRecord<TSelf>
{
    /// <summary>Writes <paramref name="value"/> as one JSON object.</summary>
    static abstract void WriteJson(Utf8JsonWriter writer, TSelf value);
}
