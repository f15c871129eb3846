namespace KConnector.Throughput;

/// <summary>The garbage collector's work over a span: pause time and collections by generation.</summary>
internal sealed record GcWork(double PauseSeconds, int Gen0, int Gen1, int Gen2)
{
    public static GcWork None { get; } = new(0, 0, 0, 0);

    public static GcWork Now() =>
        new(
            GC.GetTotalPauseDuration().TotalSeconds,
            GC.CollectionCount(0),
            GC.CollectionCount(1),
            GC.CollectionCount(2)
        );

    public static GcWork operator -(GcWork after, GcWork before) =>
        new(
            after.PauseSeconds - before.PauseSeconds,
            after.Gen0 - before.Gen0,
            after.Gen1 - before.Gen1,
            after.Gen2 - before.Gen2
        );

    public override string ToString() =>
        $"GC paused {PauseSeconds:F2} s, collections gen0/1/2 {Gen0}/{Gen1}/{Gen2}";
}
