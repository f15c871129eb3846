using KConnector.Errors;
using KConnector.Tests.Configuration;

namespace KConnector.Tests.Worker;

/// <summary>
/// Issue 20, items 2 and 3: a task waiting for a dependency says so once, then at a bounded rate
/// (one reminder per <see cref="DependencyWait.ReminderInterval"/>, however many attempts fail), and
/// once when it answers again; its status says what it waits for, without credentials.
/// </summary>
public sealed class DependencyWaitTests
{
    [Fact]
    public void ManyFailedAttempts_AreSaidOnce_ThenOncePerReminderInterval_ThenResumed()
    {
        var logger = new CapturingLogger();
        var clock = new ManualTimeProvider();
        var wait = new DependencyWait(logger, "orders", 0, clock);
        var error = new DependencyUnavailableException(
            "the Schema Registry",
            "GET http://alice:s3cret@registry:8081/schemas/ids/1 failed: Connection refused"
        );

        // 100 attempts over 29.7 s, then 100 more up to 59.4 s.
        for (var i = 0; i < 200; i++)
        {
            wait.Waiting(error, TimeSpan.FromMilliseconds(300));
            clock.Advance(TimeSpan.FromMilliseconds(300));
        }

        Assert.Equal(2, logger.Lines.Count);
        Assert.Contains(
            "is waiting for the Schema Registry",
            logger.Lines.First(),
            StringComparison.Ordinal
        );
        Assert.Contains(
            "still waiting for the Schema Registry after 30 s",
            logger.Lines.Last(),
            StringComparison.Ordinal
        );
        Assert.StartsWith(
            "waiting for the Schema Registry since 2026-12-06 00:00:00Z",
            wait.Current,
            StringComparison.Ordinal
        );
        Assert.DoesNotContain(logger.Lines, l => l.Contains("s3cret", StringComparison.Ordinal));
        Assert.DoesNotContain("s3cret", wait.Current, StringComparison.Ordinal);

        wait.Resumed();
        wait.Resumed();

        Assert.Null(wait.Current);
        Assert.Equal(3, logger.Lines.Count);
        Assert.Contains("resumed", logger.Lines.Last(), StringComparison.Ordinal);
    }
}
