using KConnector.Errors;
using KConnector.Metrics;

namespace KConnector.Tests.Worker;

/// <summary>
/// The wait before the last retry ends at errors.retry.timeout's deadline, in whole milliseconds
/// (a sub-millisecond wait completes at once, and retries just before the deadline would otherwise
/// run back to back), and less than the timers' coarsest tick (10 ms) before the deadline counts as
/// the deadline: a wait cut to end there may wake that early by the precise clock, and must not be
/// followed by one more attempt.
/// </summary>
public class RetryDeadlineTests
{
    [Theory]
    [InlineData(10.3, 11)]
    [InlineData(10.0, 10)]
    [InlineData(250.2, 251)]
    public void WaitCutToTheDeadline_IsRoundedUpToWholeMilliseconds(
        double remainingMs,
        double expectedMs
    )
    {
        var time = new SteppedTime();
        var op = new RetryWithToleranceOperator(
            new ErrorHandlingOptions
            {
                Tolerance = ErrorTolerance.All,
                RetryTimeout = TimeSpan.FromMilliseconds(1000),
            },
            new TaskMetrics("c-" + Guid.NewGuid().ToString("N"), 0),
            [],
            time
        );
        var started = op.Now();
        time.Advance(TimeSpan.FromMilliseconds(1000 - remainingMs));

        var retry = op.ShouldRetry(
            new RetriableException("down"),
            attempt: 3,
            started,
            out var delay
        );

        Assert.True(retry);
        Assert.Equal(expectedMs, delay.TotalMilliseconds);
    }

    [Theory]
    [InlineData(1000)]
    [InlineData(999.5)]
    [InlineData(991)]
    public void AtTheDeadlineToTheTimersTick_NoMoreRetries(double elapsedMs)
    {
        var time = new SteppedTime();
        var op = new RetryWithToleranceOperator(
            new ErrorHandlingOptions
            {
                Tolerance = ErrorTolerance.All,
                RetryTimeout = TimeSpan.FromMilliseconds(1000),
            },
            new TaskMetrics("c-" + Guid.NewGuid().ToString("N"), 0),
            [],
            time
        );
        var started = op.Now();
        time.Advance(TimeSpan.FromMilliseconds(elapsedMs));

        Assert.False(op.ShouldRetry(new RetriableException("down"), attempt: 4, started, out _));
    }

    /// <summary>A clock that moves only when told, in ticks of 100 ns.</summary>
    private sealed class SteppedTime : TimeProvider
    {
        private long _ticks;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => _ticks;

        public void Advance(TimeSpan by) => _ticks += by.Ticks;
    }
}
