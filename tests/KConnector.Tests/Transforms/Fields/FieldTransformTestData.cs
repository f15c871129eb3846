using System.Text.Json.Nodes;
using KConnector.Transforms;

namespace KConnector.Tests.Transforms.Fields;

/// <summary>Schemaless records (JsonNode key and value) through a chain built from a connector's settings.</summary>
internal static class FieldTransformTestData
{
    public static ConnectRecord<JsonNode, JsonNode> Schemaless(
        string? value,
        string? key = null,
        string topic = "orders",
        long? offset = null
    ) =>
        new()
        {
            Topic = topic,
            Partition = 2,
            Key = key is null ? null : JsonNode.Parse(key),
            Value = value is null ? null : JsonNode.Parse(value),
            Timestamp = DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_123),
            KafkaOffset = offset,
        };

    /// <summary>The record through one transform of <paramref name="type"/> with <paramref name="keys"/> (without the transforms.t. prefix).</summary>
    public static ConnectRecord<JsonNode, JsonNode>? Transform(
        ConnectRecord<JsonNode, JsonNode> record,
        string type,
        params (string Key, string Value)[] keys
    ) => Build(type, keys).Apply(record);

    public static TransformationChain Build(
        string type,
        params (string Key, string Value)[] keys
    ) =>
        TransformTestData.Chain([
            ("transforms", "t"),
            ("transforms.t.type", type),
            .. keys.Select(k => ("transforms.t." + k.Key, k.Value)),
        ]);

    public static string Text(JsonNode? node) => node?.ToJsonString() ?? "null";
}
