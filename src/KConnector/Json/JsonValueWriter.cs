using System.Text.Json;

namespace KConnector.Json;

/// <summary>Writes one JSON value; the counterpart of <see cref="JsonValueReader{T}"/>.</summary>
/// <typeparam name="T">The value's C# type.</typeparam>
public delegate void JsonValueWriter<in T>(Utf8JsonWriter writer, T value);
