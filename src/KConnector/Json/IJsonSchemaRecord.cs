using System.Text.Json;

namespace KConnector.Json;

/// <summary>
/// A type generated from a JSON Schema (<c>*.schema.json</c>): it carries the schema it was
/// generated from (what the JsonSchema converter registers and validates against) and reads and
/// writes itself without reflection.
/// </summary>
/// <typeparam name="TSelf">The generated record type.</typeparam>
public interface IJsonSchemaRecord<TSelf> : IJsonRecord<TSelf>
    where TSelf : IJsonSchemaRecord<TSelf>
{
    /// <summary>The JSON Schema document this type was generated from.</summary>
    static abstract string JsonSchemaText { get; }

    /// <summary>Reads one JSON value positioned at <paramref name="reader"/>'s current token.</summary>
    static abstract TSelf ReadJson(ref Utf8JsonReader reader);
}
