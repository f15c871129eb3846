using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Confluent.Kafka;
using KConnector.Converters.Headers;
using KConnector.Json;
using KConnector.Records;
using KConnector.Transforms;

namespace KConnector.IntegrationTests.Transforms;

/// <summary>
/// How the pipeline tests compare a compiled chain's record with the schemaless (JsonNode) chain's:
/// both as normalized JSON text; and the schemaless chain of a spec's own <c>transforms</c> keys.
/// </summary>
internal static class ChainJson
{
    /// <summary><paramref name="json"/> parsed and written again (no spaces).</summary>
    public static string Normalized(string json) => JsonNode.Parse(json)!.ToJsonString();

    /// <summary>A generated record as JSON text.</summary>
    public static string JsonOf<T>(T value)
        where T : IJsonRecord<T>
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            T.WriteJson(writer, value);
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>
    /// The run-time (schemaless) chain of a spec's <c>transforms</c> and <c>predicates</c> keys; with
    /// <paramref name="aliases"/>, of those transformations only (SetSchemaMetadata, say, needs a
    /// schema: Connect fails it on a schemaless record).
    /// </summary>
    public static TransformationChain Schemaless(
        IEnumerable<KeyValuePair<string, string?>> specValues,
        string? aliases = null
    )
    {
        var kept = aliases?.Split(',');
        return Worker
            .ConnectorConfig.Parse(
                specValues
                    .Where(v =>
                        (
                            v.Key.StartsWith("transforms.", StringComparison.Ordinal)
                            && (kept is null || kept.Contains(v.Key.Split('.')[1]))
                        )
                        // The predicates the transformations name.
                        || v.Key == "predicates"
                        || v.Key.StartsWith("predicates.", StringComparison.Ordinal)
                    )
                    .Append(
                        new(
                            "transforms",
                            aliases ?? specValues.Single(v => v.Key == "transforms").Value
                        )
                    )
                    .Append(new("name", "schemaless"))
                    .ToDictionary(v => v.Key, v => v.Value!)
            )
            .Transformations.CreateChain();
    }

    /// <summary>Kafka headers as name and UTF-8 text (null for a null value), in order.</summary>
    public static List<(string, string?)> HeaderTexts(Headers headers) =>
        [.. headers.Select(h => (h.Key, Text(h.GetValueBytes())))];

    /// <summary>A record's typed headers as the SimpleHeaderConverter writes them for <paramref name="topic"/>: name and text, in order.</summary>
    public static List<(string, string?)> HeaderTexts(
        string topic,
        IEnumerable<RecordHeader> headers
    )
    {
        var converter = new SimpleHeaderConverter();
        return
        [
            .. headers.Select(h =>
                (h.Name, Text(converter.FromConnectHeader(topic, h.Name, h.Value)))
            ),
        ];
    }

    private static string? Text(byte[]? bytes) =>
        bytes is null ? null : Encoding.UTF8.GetString(bytes);
}
