using Confluent.Kafka;
using KConnector.Worker;

namespace KConnector.Throughput;

/// <summary>What every loop of one run shares: record count, record size, partitions and client settings.</summary>
internal sealed record HarnessSettings(int Records, int RecordBytes)
{
    // The mock cluster keeps at most 5 MiB (and 100,000 records) per partition and drops the oldest
    // beyond that, while every consuming loop reads its topic from the beginning: so a topic gets
    // enough partitions to hold a whole loop's records with room to spare (4 MiB each).
    private const int BytesPerPartition = 4 * 1024 * 1024;
    private const int RecordOverhead = 64;

    public int Partitions =>
        Math.Max(
            8,
            (int)Math.Ceiling((double)Records * (RecordBytes + RecordOverhead) / BytesPerPartition)
        );

    /// <summary>
    /// The producer settings of the raw producer loop and of the source pipeline alike: the
    /// worker's defaults (linger.ms 5, a 32 MiB buffer as Java's buffer.memory) spelled out.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Producer { get; } =
        WithOverrides(
            new Dictionary<string, string>
            {
                ["linger.ms"] = "5",
                ["queue.buffering.max.kbytes"] = "32768",
            },
            "KCONNECTOR_HARNESS_PRODUCER"
        );

    /// <summary>
    /// The consumer settings of the raw consumer loop and of the sink pipeline alike: the sink
    /// worker's own consumer defaults (prefetch bound, fetch backoff), so the raw loop has them too.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Consumer { get; } =
        WithOverrides(
            new Dictionary<string, string>(SinkConsumerSettings.Defaults),
            "KCONNECTOR_HARNESS_CONSUMER"
        );

    /// <summary>
    /// A consumer with <see cref="Consumer"/>'s settings in a group of its own, reading from the
    /// beginning without committing on its own: the raw and hand-written consuming loops'.
    /// </summary>
    public static IConsumer<byte[], byte[]> NewConsumer(string bootstrapServers, string group) =>
        new ConsumerBuilder<byte[], byte[]>(
            new ConsumerConfig(new Dictionary<string, string>(Consumer))
            {
                BootstrapServers = bootstrapServers,
                GroupId = group + "-" + Guid.NewGuid().ToString("N"),
                AutoOffsetReset = AutoOffsetReset.Earliest,
                EnableAutoCommit = false,
            }
        ).Build();

    // Client settings to try, for raw loops and pipelines alike: KCONNECTOR_HARNESS_PRODUCER /
    // KCONNECTOR_HARNESS_CONSUMER="key=value;key=value" (the worker-only children inherit them).
    private static Dictionary<string, string> WithOverrides(
        Dictionary<string, string> settings,
        string variable
    )
    {
        foreach (
            var pair in (Environment.GetEnvironmentVariable(variable) ?? "").Split(
                ';',
                StringSplitOptions.RemoveEmptyEntries
            )
        )
        {
            var parts = pair.Split('=', 2);
            settings[parts[0].Trim()] = parts[1].Trim();
        }
        return settings;
    }
}
