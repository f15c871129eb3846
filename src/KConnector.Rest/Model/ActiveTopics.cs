using System.Text.Json.Serialization;

namespace KConnector.Rest.Model;

/// <summary>The topics of one connector in <c>GET /connectors/{name}/topics</c> (<c>{"name": {"topics": [...]}}</c>).</summary>
/// <param name="Topics">The topic names.</param>
public sealed record ActiveTopics(
    [property: JsonPropertyName("topics")] IReadOnlyList<string> Topics
);
