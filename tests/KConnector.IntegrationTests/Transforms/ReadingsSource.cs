using System.Globalization;
using KConnector.Connectors;
using KConnector.IntegrationTests.Transforms.Readings;
using KConnector.Records;

namespace KConnector.IntegrationTests.Transforms;

/// <summary>
/// An attribute source of meter readings carrying Avro logical types (timestamp-millis, date,
/// timestamp-micros, uuid): reading n was taken n × 7 h 13 min 0.250 s after 20:00 UTC on 5 March
/// 2026 (so some fall on midnight-free instants and dates change), with n microseconds more in
/// <c>taken_us</c>, and a parent reading (n - 1) from n = 1 on.
/// </summary>
[SourceConnector("readings-source", ValueType = typeof(Reading))]
public sealed partial class ReadingsSource
{
    /// <summary>20:00 UTC on 5 March 2026.</summary>
    public static readonly DateTimeOffset First = new(2026, 3, 5, 20, 0, 0, TimeSpan.Zero);

    private int _next;

    /// <summary>The topic to write to.</summary>
    [ConfigProperty("readings.topic", Doc = "The topic to write readings to.", Required = true)]
    public string Topic { get; set; } = string.Empty;

    /// <summary>How many readings to produce in all.</summary>
    [ConfigProperty("readings.count", Doc = "How many readings to produce.", Default = 8, Min = 0)]
    public int Count { get; set; }

    /// <summary>When reading n was taken, to the millisecond.</summary>
    public static DateTimeOffset TakenAt(int n) =>
        First.Add(new TimeSpan(0, 7 * n, 13 * n, 0, 250 * n));

    /// <summary>Reading n's uuid.</summary>
    public static Guid RefOf(int n) =>
        Guid.Parse("6a2f41a3-c54c-4fce-8a1d-" + n.ToString("x12", CultureInfo.InvariantCulture));

    /// <summary>Reading n, as described on the class.</summary>
    public static Reading ReadingNumber(int n) =>
        new()
        {
            Id = "r-" + n.ToString(CultureInfo.InvariantCulture),
            Taken = TakenAt(n),
            Day = DateOnly.FromDateTime(TakenAt(n).UtcDateTime),
            TakenUs = TakenAt(n).AddTicks(10 * n),
            Ref = RefOf(n),
            Parent = n == 0 ? null : RefOf(n - 1),
        };

    /// <summary>Produces the next readings.</summary>
    public ValueTask<IReadOnlyList<SourceRecord<string, Reading>>> PollAsync(
        CancellationToken cancellationToken
    )
    {
        var batch = new List<SourceRecord<string, Reading>>();
        while (_next < Count && batch.Count < 5)
        {
            var n = _next++;
            batch.Add(
                new SourceRecord<string, Reading>
                {
                    Topic = Topic,
                    Key = "r-" + n.ToString(CultureInfo.InvariantCulture),
                    Value = ReadingNumber(n),
                }
            );
        }
        return ValueTask.FromResult<IReadOnlyList<SourceRecord<string, Reading>>>(batch);
    }
}
