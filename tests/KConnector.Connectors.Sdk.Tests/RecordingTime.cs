namespace KConnector.Connectors.Sdk.Tests;

/// <summary>
/// A clock fixed at <see cref="Now"/> whose timers fire at once and remember how long they were
/// asked to wait: the waits between retries, without waiting.
/// </summary>
internal sealed class RecordingTime : TimeProvider
{
    /// <summary>The fixed time.</summary>
    public static readonly DateTimeOffset Now = new(2026, 12, 6, 12, 0, 0, TimeSpan.Zero);

    private readonly List<TimeSpan> _waits = [];

    /// <summary>Every wait asked for, in order.</summary>
    public IReadOnlyList<TimeSpan> Waits
    {
        get
        {
            lock (_waits)
            {
                return [.. _waits];
            }
        }
    }

    public override DateTimeOffset GetUtcNow() => Now;

    public override ITimer CreateTimer(
        TimerCallback callback,
        object? state,
        TimeSpan dueTime,
        TimeSpan period
    )
    {
        lock (_waits)
        {
            _waits.Add(dueTime);
        }
        return System.CreateTimer(callback, state, TimeSpan.Zero, period);
    }
}
