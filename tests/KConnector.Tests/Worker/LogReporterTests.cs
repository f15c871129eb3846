using KConnector.Errors;
using KConnector.Metrics;
using KConnector.Tests.Configuration;

namespace KConnector.Tests.Worker;

/// <summary>
/// Issue 20, item 11: the error log says where the record is: a consumed record's
/// topic-partition@offset (Kafka Connect's words), a source record's topic, source partition and
/// source offset (it printed <c>customers-@</c>).
/// </summary>
public sealed class LogReporterTests
{
    [Fact]
    public async Task SourceRecord_IsLocatedBySourcePartitionAndOffset()
    {
        var line = await LogAsync(
            new ErrantRecord
            {
                Topic = "customers",
                SourcePartition = new Dictionary<string, string> { ["table"] = "customers" },
                SourceOffset = new Dictionary<string, string> { ["id"] = "7" },
            }
        );

        Assert.Contains(
            "where the record is topic 'customers' from source partition {\"table\":\"customers\"} at source offset {\"id\":\"7\"}:",
            line,
            StringComparison.Ordinal
        );
        Assert.DoesNotContain("customers-@", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConsumedRecord_IsTopicPartitionAtOffset()
    {
        var line = await LogAsync(
            new ErrantRecord
            {
                Topic = "customers",
                Partition = 2,
                Offset = 15,
            }
        );

        Assert.Contains("where the record is customers-2@15:", line, StringComparison.Ordinal);
    }

    private static async Task<string> LogAsync(ErrantRecord record)
    {
        var logger = new CapturingLogger();
        var reporter = new LogReporter(
            new ErrorHandlingOptions { LogEnable = true },
            new TaskMetrics("log-reporter-test", 0),
            logger
        );
        await reporter.ReportAsync(
            new ErrorContext(
                record,
                Stage.VALUE_CONVERTER,
                typeof(LogReporterTests),
                new FormatException("bad")
            ),
            default
        );
        return Assert.Single(logger.Lines);
    }
}
