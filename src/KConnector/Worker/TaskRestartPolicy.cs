namespace KConnector.Worker;

/// <summary>
/// Beyond Kafka Connect: whether a FAILED task restarts by itself (<c>task.restart.auto.enable</c>),
/// how often in a row (<c>task.restart.max.attempts</c>) and after which backoff
/// (<c>task.restart.backoff.initial.ms</c>, doubling up to <c>task.restart.backoff.max.ms</c>).
/// </summary>
/// <param name="Enabled">Whether failed tasks restart automatically.</param>
/// <param name="MaxAttempts">Restarts in a row before the task stays FAILED.</param>
/// <param name="InitialBackoff">The wait before the first restart.</param>
/// <param name="MaxBackoff">The longest wait.</param>
public sealed record TaskRestartPolicy(
    bool Enabled,
    int MaxAttempts,
    TimeSpan InitialBackoff,
    TimeSpan MaxBackoff
)
{
    /// <summary>Kafka Connect's behaviour: a failed task waits for an operator.</summary>
    public static TaskRestartPolicy Off { get; } =
        new(false, 5, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60));

    /// <summary>The wait before restart number <paramref name="attempt"/> (1-based).</summary>
    public TimeSpan Backoff(int attempt)
    {
        var factor = Math.Pow(2, Math.Clamp(attempt - 1, 0, 30));
        var wait = InitialBackoff.TotalMilliseconds * factor;
        return TimeSpan.FromMilliseconds(Math.Min(wait, MaxBackoff.TotalMilliseconds));
    }
}
