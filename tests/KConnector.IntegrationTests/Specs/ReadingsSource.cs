using KConnector.Connectors;
using KConnector.Records;
using KconnectorTests.Telemetry;

namespace KConnector.IntegrationTests.Specs;

/// <summary>An attribute source of protoc-generated messages, written through the ProtobufConverter.</summary>
[SourceConnector(
    "spec-readings-source",
    ValueType = typeof(Reading),
    ValueConverter = "io.confluent.connect.protobuf.ProtobufConverter"
)]
public sealed partial class ReadingsSource
{
    private long _next;

    /// <summary>The topic to write to.</summary>
    [ConfigProperty("readings.topic", Required = true)]
    public string Topic { get; set; } = string.Empty;

    /// <summary>How many readings to produce in all.</summary>
    [ConfigProperty("readings.count", Default = 100L, Min = 0)]
    public long Count { get; set; }

    /// <summary>Produces the next batch of readings.</summary>
    public ValueTask<IReadOnlyList<SourceRecord<string, Reading>>> PollAsync(
        CancellationToken cancellationToken
    )
    {
        var batch = new List<SourceRecord<string, Reading>>();
        while (_next < Count && batch.Count < 50)
        {
            var n = _next++;
            batch.Add(
                new SourceRecord<string, Reading>
                {
                    Topic = Topic,
                    Key = "sensor-" + (n % 3),
                    Value = new Reading
                    {
                        Sensor = "sensor-" + (n % 3),
                        Sequence = n,
                        Celsius = n / 4.0,
                    },
                }
            );
        }
        return ValueTask.FromResult<IReadOnlyList<SourceRecord<string, Reading>>>(batch);
    }
}
