using System.Text.Json;

namespace KConnector.Converters.Json;

/// <summary>A struct field of a <see cref="ConnectSchema"/>: its schema, then <c>"field": name</c>, as JsonConverter writes it.</summary>
/// <param name="Name">The field name.</param>
/// <param name="Schema">The field's schema.</param>
public sealed record ConnectField(string Name, ConnectSchema Schema)
{
    internal void WriteTo(Utf8JsonWriter writer) => Schema.WriteTo(writer, Name);
}
