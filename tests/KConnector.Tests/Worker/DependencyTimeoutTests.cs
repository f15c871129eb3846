using KConnector.Errors;
using KConnector.Metrics;

namespace KConnector.Tests.Worker;

/// <summary>
/// Issue 20: a record waiting for a dependency that cannot be reached (the Schema Registry) waits
/// at most errors.dependency.timeout.ms; then the task fails, naming the dependency, the key and
/// the registry URL without its credentials, and the record is neither reported nor skipped.
/// </summary>
public sealed class DependencyTimeoutTests
{
    private static readonly ErrantRecord Record = new()
    {
        Topic = "orders",
        Partition = 1,
        Offset = 7,
        Value = [1],
    };

    [Fact]
    public async Task ARegistryAwayLongerThanTheTimeout_FailsTheTask_NotTheRecord()
    {
        var clock = new ManualTimeProvider();
        var metrics = new TaskMetrics("c-" + Guid.NewGuid().ToString("N"), 0);
        var reporter = new CountingReporter();
        var op = new RetryWithToleranceOperator(
            new ErrorHandlingOptions
            {
                Tolerance = ErrorTolerance.All,
                RetryDelayMax = TimeSpan.FromMilliseconds(1),
                DependencyTimeout = TimeSpan.FromSeconds(3),
            },
            metrics,
            [reporter],
            clock
        );
        var attempts = 0;

        var error = await Assert.ThrowsAsync<ConnectException>(async () =>
            await op.ExecuteAsync<int>(
                _ =>
                {
                    attempts++;
                    clock.Advance(TimeSpan.FromSeconds(1));
                    throw Unavailable();
                },
                Stage.VALUE_CONVERTER,
                typeof(string),
                Record,
                default
            )
        );

        // Failed at t=1 (the wait starts), 2, 3 s: the fourth failure finds 3 s passed.
        Assert.Equal(4, attempts);
        Assert.Equal(Stage.VALUE_CONVERTER, error.Stage);
        Assert.Equal(("orders", 1, 7L), (error.Topic, error.Partition, error.Offset));
        Assert.StartsWith(
            "the Schema Registry could not be reached for 3 s (errors.dependency.timeout.ms)",
            error.Message,
            StringComparison.Ordinal
        );
        Assert.Contains(
            "GET http://[hidden]@127.0.0.1:8081/subjects failed",
            error.Message,
            StringComparison.Ordinal
        );
        Assert.DoesNotContain("s3cret", error.ToString(), StringComparison.Ordinal);
        Assert.Equal(0, reporter.Reports);
        Assert.Equal(0, metrics.TotalRecordErrors);
        Assert.Equal(0, metrics.TotalRecordsSkipped);
    }

    [Fact]
    public async Task MinusOne_WaitsForEver_AndTheRecordGoesOnWhenTheRegistryAnswers()
    {
        var clock = new ManualTimeProvider();
        var op = new RetryWithToleranceOperator(
            new ErrorHandlingOptions
            {
                RetryDelayMax = TimeSpan.FromMilliseconds(1),
                DependencyTimeout = Timeout.InfiniteTimeSpan,
            },
            new TaskMetrics("c-" + Guid.NewGuid().ToString("N"), 0),
            [],
            clock
        );
        var attempts = 0;

        var (ok, value) = await op.ExecuteAsync(
            _ =>
            {
                clock.Advance(TimeSpan.FromHours(1));
                return ++attempts < 20 ? throw Unavailable() : ValueTask.FromResult(42);
            },
            Stage.VALUE_CONVERTER,
            typeof(string),
            Record,
            default
        );

        Assert.True(ok);
        Assert.Equal(42, value);
    }

    [Fact]
    public void TheKey_IsReadFromTheConnectorConfig_WithMinusOneForEver()
    {
        Assert.Equal(
            TimeSpan.FromMinutes(5),
            KConnector.Worker.ConnectorConfig.Parse(Config()).Errors.DependencyTimeout
        );
        Assert.Equal(
            TimeSpan.FromSeconds(20),
            KConnector
                .Worker.ConnectorConfig.Parse(Config(("errors.dependency.timeout.ms", "20000")))
                .Errors.DependencyTimeout
        );
        Assert.Equal(
            Timeout.InfiniteTimeSpan,
            KConnector
                .Worker.ConnectorConfig.Parse(Config(("errors.dependency.timeout.ms", "-1")))
                .Errors.DependencyTimeout
        );
    }

    private static Dictionary<string, string> Config(params (string Key, string Value)[] extra)
    {
        var config = new Dictionary<string, string>
        {
            ["name"] = "orders-sink",
            ["connector.class"] = "FileStreamSink",
            ["topics"] = "orders",
        };
        foreach (var (key, value) in extra)
        {
            config[key] = value;
        }
        return config;
    }

    private static DependencyUnavailableException Unavailable() =>
        new(
            "the Schema Registry",
            "Cannot look up subject 'orders-value' for topic 'orders': Schema Registry request failed after 1 attempt(s): GET http://alice:s3cret@127.0.0.1:8081/subjects failed: Connection refused"
        );

    private sealed class CountingReporter : IErrorReporter
    {
        public int Reports { get; private set; }

        public ValueTask ReportAsync(ErrorContext context, CancellationToken cancellationToken)
        {
            Reports++;
            return ValueTask.CompletedTask;
        }
    }
}
