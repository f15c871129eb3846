using System.Text;
using KConnector.Records;
using KConnector.Transforms;
using KConnector.Worker;

namespace KConnector.Tests.Transforms;

/// <summary>Chains built the way a worker builds them: from a connector's settings.</summary>
internal static class TransformTestData
{
    public static TransformationChain Chain(params (string Key, string Value)[] settings) =>
        ConnectorConfig
            .Parse(
                settings.Append((Key: "name", Value: "c")).ToDictionary(s => s.Key, s => s.Value)
            )
            .Transformations.CreateChain();

    public static ConnectRecord<string, string> Record(
        string topic = "orders",
        string? value = "v",
        DateTimeOffset? timestamp = null,
        params (string Name, string Value)[] headers
    ) =>
        new()
        {
            Topic = topic,
            Key = "k",
            Value = value,
            Timestamp = timestamp,
            Headers = headers
                .Select(h => new RecordHeader(h.Name, Encoding.UTF8.GetBytes(h.Value)))
                .ToList(),
        };

    public static string[] HeaderNames(ConnectRecord<string, string> record) =>
        record.Headers.Select(h => h.Name).ToArray();
}
