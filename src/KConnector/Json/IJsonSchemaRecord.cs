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

    /// <summary>
    /// The other schema documents <see cref="JsonSchemaText"/> names in cross-file <c>$ref</c>s
    /// (the address as written, such as <c>customer.schema.json</c> -> that document), directly or
    /// through each other; empty when it names none.
    /// </summary>
    static virtual IReadOnlyDictionary<string, string> JsonSchemaReferences =>
        System.Collections.ObjectModel.ReadOnlyDictionary<string, string>.Empty;

    /// <summary>
    /// The validation the generator compiled from <see cref="JsonSchemaText"/> (null when the
    /// schema uses a keyword it does not compile: then only the library validator can check it).
    /// </summary>
    static virtual KConnector.JsonSchema.CompiledJsonSchemaValidation? CompiledValidation => null;

    /// <summary>Reads one JSON value positioned at <paramref name="reader"/>'s current token.</summary>
    static abstract TSelf ReadJson(ref Utf8JsonReader reader);
}
