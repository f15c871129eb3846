namespace KConnector.Throughput;

/// <summary>What every loop of one run shares: record count, record size and client settings.</summary>
internal sealed record HarnessSettings(int Records, int RecordBytes)
{
    // 8 partitions: the mock cluster keeps at most 5 MiB per partition, and every loop reads from the beginning.
    public const int Partitions = 8;

    /// <summary>
    /// The producer settings of the raw producer loop and of the source pipeline alike: the
    /// worker's defaults (linger.ms 5, a 32 MiB buffer as Java's buffer.memory) spelled out.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Producer { get; } =
        new Dictionary<string, string>
        {
            ["linger.ms"] = "5",
            ["queue.buffering.max.kbytes"] = "32768",
        };

    /// <summary>The consumer settings of the raw consumer loop and of the sink pipeline alike (the worker's default prefetch bound).</summary>
    public static IReadOnlyDictionary<string, string> Consumer { get; } =
        new Dictionary<string, string> { ["queued.max.messages.kbytes"] = "16384" };
}
