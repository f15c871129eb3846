using System.Diagnostics.Tracing;

namespace KConnector.Throughput;

/// <summary>
/// The bytes each garbage collection found alive and promoted (gen0 to gen1, gen1 to gen2), summed
/// from the runtime's own GC events: the work a loop's long-lived objects cost the collector (each
/// promoted byte is marked and copied), a count the machine's load does not move, where pause
/// seconds do.
/// </summary>
internal sealed class GcPromotions : EventListener
{
    private const EventKeywords GcKeyword = (EventKeywords)0x1;
    private static readonly TimeSpan CatchUpLimit = TimeSpan.FromSeconds(2);
    private long _promoted;

    // Collections before the listener existed send no events (a field initializer runs before
    // the base constructor, which may already deliver events).
    private long _collections = GC.CollectionCount(0);

    public static GcPromotions Instance { get; } = new();

    /// <summary>
    /// Bytes promoted so far, once the events of every collection counted by the runtime have
    /// arrived (they are dispatched on a thread of their own, a little later).
    /// </summary>
    public long Promoted()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (
            Interlocked.Read(ref _collections) < GC.CollectionCount(0)
            && clock.Elapsed < CatchUpLimit
        )
        {
            Thread.Sleep(10);
        }
        return Interlocked.Read(ref _promoted);
    }

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(eventSource, EventLevel.Informational, GcKeyword);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        if (eventData.EventName != "GCHeapStats_V2" || eventData.PayloadNames is not { } names)
        {
            return;
        }
        var promoted =
            Bytes(eventData, names.IndexOf("TotalPromotedSize0"))
            + Bytes(eventData, names.IndexOf("TotalPromotedSize1"));
        Interlocked.Add(ref _promoted, promoted);
        Interlocked.Increment(ref _collections);
    }

    private static long Bytes(EventWrittenEventArgs eventData, int index) =>
        index < 0
            ? 0
            : Convert.ToInt64(
                eventData.Payload![index],
                System.Globalization.CultureInfo.InvariantCulture
            );
}
