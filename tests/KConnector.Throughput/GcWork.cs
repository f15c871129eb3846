namespace KConnector.Throughput;

/// <summary>
/// The garbage collector's work over a span: pause time, collections by generation, and the
/// process's minor page faults (fresh memory touched for the first time, mostly the allocator
/// zeroing memory the GC took back from the kernel): unlike seconds, counts the machine's load
/// does not move.
/// </summary>
internal sealed record GcWork(
    double PauseSeconds,
    int Gen0,
    int Gen1,
    int Gen2,
    long PageFaults,
    long PromotedBytes
)
{
    public static GcWork None { get; } = new(0, 0, 0, 0, 0, 0);

    public static GcWork Now() =>
        new(
            GC.GetTotalPauseDuration().TotalSeconds,
            GC.CollectionCount(0),
            GC.CollectionCount(1),
            GC.CollectionCount(2),
            MinorFaults(),
            GcPromotions.Instance.Promoted()
        );

    public static GcWork operator -(GcWork after, GcWork before) =>
        new(
            after.PauseSeconds - before.PauseSeconds,
            after.Gen0 - before.Gen0,
            after.Gen1 - before.Gen1,
            after.Gen2 - before.Gen2,
            after.PageFaults - before.PageFaults,
            after.PromotedBytes - before.PromotedBytes
        );

    // /proc/self/stat: minflt is the 10th field, the 8th after the command name's closing ')'.
    private static long MinorFaults()
    {
        var stat = File.ReadAllText("/proc/self/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return long.Parse(fields[7], System.Globalization.CultureInfo.InvariantCulture);
    }

    public override string ToString() =>
        $"GC paused {PauseSeconds:F2} s, collections gen0/1/2 {Gen0}/{Gen1}/{Gen2}, {PromotedBytes / 1024:N0} KiB promoted, {PageFaults:N0} page faults";
}
