using KConnector.Errors;
using KConnector.Metrics;

namespace KConnector.Tests.Worker;

public sealed class RetryWithToleranceOperatorTests
{
    private static readonly ErrantRecord Record = new()
    {
        Topic = "orders",
        Partition = 2,
        Offset = 41,
        Value = [1, 2, 3],
    };

    private sealed class RecordingReporter : IErrorReporter
    {
        public List<ErrorContext> Reports { get; } = [];

        public ValueTask ReportAsync(ErrorContext context, CancellationToken cancellationToken)
        {
            Reports.Add(context);
            return ValueTask.CompletedTask;
        }
    }

    private static (RetryWithToleranceOperator, TaskMetrics, RecordingReporter) Create(
        ErrorHandlingOptions options
    )
    {
        var metrics = new TaskMetrics("c-" + Guid.NewGuid().ToString("N"), 0);
        var reporter = new RecordingReporter();
        return (new RetryWithToleranceOperator(options, metrics, [reporter]), metrics, reporter);
    }

    [Fact]
    public void Backoff_StartsAt300MsAndDoublesUpToTheCap()
    {
        var (op, _, _) = Create(
            new ErrorHandlingOptions { RetryDelayMax = TimeSpan.FromMilliseconds(2000) }
        );

        var delays = Enumerable.Range(1, 6).Select(a => op.Backoff(a).TotalMilliseconds);

        Assert.Equal([300, 600, 1200, 2000, 2000, 2000], delays);
    }

    [Fact]
    public async Task ToleranceNone_FailureThrowsWithStageCoordinatesAndCause()
    {
        var (op, metrics, reporter) = Create(ErrorHandlingOptions.Default);
        var cause = new FormatException("bad byte");

        var error = await Assert.ThrowsAsync<ConnectException>(async () =>
            await op.ExecuteAsync<int>(
                _ => throw cause,
                Stage.VALUE_CONVERTER,
                typeof(string),
                Record,
                default
            )
        );

        Assert.Equal(Stage.VALUE_CONVERTER, error.Stage);
        Assert.Equal(("orders", 2, 41L), (error.Topic, error.Partition, error.Offset));
        Assert.Same(cause, error.InnerException);
        Assert.Contains("orders-2@41", error.Message, StringComparison.Ordinal);
        Assert.Contains("VALUE_CONVERTER", error.Message, StringComparison.Ordinal);
        Assert.Empty(reporter.Reports);
        Assert.Equal(1, metrics.TotalRecordErrors);
        Assert.Equal(0, metrics.TotalRecordsSkipped);
    }

    [Fact]
    public async Task ToleranceAll_FailureIsReportedAndSkipped()
    {
        var (op, metrics, reporter) = Create(
            new ErrorHandlingOptions { Tolerance = ErrorTolerance.All }
        );

        var (ok, _) = await op.ExecuteAsync<int>(
            _ => throw new FormatException("bad"),
            Stage.KEY_CONVERTER,
            typeof(string),
            Record,
            default
        );

        Assert.False(ok);
        var report = Assert.Single(reporter.Reports);
        Assert.Equal(Stage.KEY_CONVERTER, report.Stage);
        Assert.Same(Record, report.Record);
        Assert.Equal(1, metrics.TotalRecordsSkipped);
        Assert.Equal(1, metrics.TotalRecordFailures);
        Assert.NotEqual(0, metrics.LastErrorTimestamp);
    }

    [Fact]
    public async Task RetriableFailure_IsRetriedUntilItSucceeds()
    {
        var (op, metrics, _) = Create(
            new ErrorHandlingOptions { RetryTimeout = TimeSpan.FromSeconds(30) }
        );
        var attempts = 0;

        var (ok, value) = await op.ExecuteAsync(
            _ => ++attempts < 3 ? throw new RetriableException("down") : ValueTask.FromResult(7),
            Stage.TASK_PUT,
            typeof(string),
            Record,
            default
        );

        Assert.True(ok);
        Assert.Equal(7, value);
        Assert.Equal(3, attempts);
        Assert.Equal(2, metrics.TotalRetries);
        Assert.Equal(2, metrics.TotalRecordFailures);
    }

    [Fact]
    public async Task RetriableFailure_WithTheDefaultTimeoutOfZero_IsNotRetried()
    {
        var (op, metrics, _) = Create(new ErrorHandlingOptions { Tolerance = ErrorTolerance.All });
        var attempts = 0;

        var (ok, _) = await op.ExecuteAsync<int>(
            _ =>
            {
                attempts++;
                throw new RetriableException("down");
            },
            Stage.TASK_PUT,
            typeof(string),
            Record,
            default
        );

        Assert.False(ok);
        Assert.Equal(1, attempts);
        Assert.Equal(0, metrics.TotalRetries);
    }

    [Fact]
    public async Task RetriableFailure_StopsRetryingAtTheTimeout()
    {
        var (op, _, _) = Create(
            new ErrorHandlingOptions
            {
                Tolerance = ErrorTolerance.All,
                RetryTimeout = TimeSpan.FromMilliseconds(1000),
            }
        );
        var attempts = new List<TimeSpan>();
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var (ok, _) = await op.ExecuteAsync<int>(
            _ =>
            {
                attempts.Add(clock.Elapsed);
                throw new RetriableException("down");
            },
            Stage.TASK_PUT,
            typeof(string),
            Record,
            default
        );

        // Attempts at 0, 300 and 900 ms; the last wait is cut to end at the 1000 ms deadline. On a
        // busy machine waits run long, so fewer attempts fit, but never one past the deadline.
        Assert.False(ok);
        Assert.InRange(attempts.Count, 2, 4);
        Assert.True(
            attempts[1] >= TimeSpan.FromMilliseconds(290),
            $"second attempt at {attempts[1]}"
        );
        Assert.True(
            attempts[^2] < TimeSpan.FromMilliseconds(1000),
            $"attempt after the deadline: {attempts[^2]}"
        );
        Assert.True(
            clock.Elapsed >= TimeSpan.FromMilliseconds(990),
            $"gave up early at {clock.Elapsed}"
        );
    }

    [Fact]
    public async Task NonRetriableFailure_IsNotRetriedEvenWithATimeout()
    {
        var (op, _, _) = Create(
            new ErrorHandlingOptions
            {
                Tolerance = ErrorTolerance.All,
                RetryTimeout = Timeout.InfiniteTimeSpan,
            }
        );
        var attempts = 0;

        var (ok, _) = await op.ExecuteAsync<int>(
            _ =>
            {
                attempts++;
                throw new InvalidOperationException("no");
            },
            Stage.TASK_PUT,
            typeof(string),
            Record,
            default
        );

        Assert.False(ok);
        Assert.Equal(1, attempts);
    }
}
