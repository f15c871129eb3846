using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using KConnector.Records;
using KConnector.Transforms;
using KConnector.Worker;

namespace KConnector.Benchmarks.Transforms;

/// <summary>
/// A 4-transform chain (RegexRouter, TimestampRouter, InsertHeader, DropHeaders), configured by
/// Kafka Connect's keys, applied to one source record as the source runner applies it (to the
/// transformable part and back), against hand-written C# producing the same record.
/// </summary>
[MemoryDiagnoser]
public class TransformChainBenchmarks
{
    private static readonly byte[] Origin = Encoding.UTF8.GetBytes("file");
    private readonly SourceRecord<string, string> _record = new()
    {
        Topic = "orders-raw",
        Key = "k-1",
        Value = """{"id":1}""",
        Timestamp = new DateTimeOffset(2024, 1, 2, 10, 0, 0, TimeSpan.Zero),
        Headers = [new RecordHeader("trace", [1, 2]), new RecordHeader("keep", [3])],
    };
    private TransformationChain _chain = null!;

    [GlobalSetup]
    public void Setup()
    {
        _chain = ConnectorConfig
            .Parse(
                new Dictionary<string, string>
                {
                    ["name"] = "bench",
                    ["transforms"] = "route,day,origin,untrace",
                    ["transforms.route.type"] = "RegexRouter",
                    ["transforms.route.regex"] = "orders-(.*)",
                    ["transforms.route.replacement"] = "routed-$1",
                    ["transforms.day.type"] = "TimestampRouter",
                    ["transforms.origin.type"] = "InsertHeader",
                    ["transforms.origin.header"] = "origin",
                    ["transforms.origin.value.literal"] = "file",
                    ["transforms.untrace.type"] = "DropHeaders",
                    ["transforms.untrace.headers"] = "trace",
                }
            )
            .Transformations.CreateChain();
        var chained = Chain();
        var hand = HandWritten();
        if (
            chained.Topic != hand.Topic
            || !chained.Headers.Select(h => h.Name).SequenceEqual(hand.Headers.Select(h => h.Name))
        )
        {
            throw new InvalidOperationException($"{chained.Topic} differs from {hand.Topic}");
        }
    }

    [Benchmark(Description = "transform chain (4 stages)")]
    public SourceRecord<string, string> Chain() =>
        _chain.Apply(ConnectRecord<string, string>.From(_record))!.ToSourceRecord(_record);

    [Benchmark(Baseline = true, Description = "hand-written C#")]
    public SourceRecord<string, string> HandWritten()
    {
        var topic = _record.Topic.StartsWith("orders-", StringComparison.Ordinal)
            ? "routed-" + _record.Topic["orders-".Length..]
            : _record.Topic;
        topic =
            topic
            + "-"
            + _record.Timestamp!.Value.UtcDateTime.ToString(
                "yyyyMMdd",
                CultureInfo.InvariantCulture
            );
        var headers = new List<RecordHeader>(_record.Headers.Count + 1);
        foreach (var header in _record.Headers)
        {
            if (header.Name != "trace")
            {
                headers.Add(header);
            }
        }
        headers.Add(new RecordHeader("origin", Origin));
        return _record with { Topic = topic, Headers = headers };
    }
}
