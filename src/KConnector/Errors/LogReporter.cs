using System.Text;
using KConnector.Converters.Headers;
using KConnector.Metrics;
using Microsoft.Extensions.Logging;

namespace KConnector.Errors;

/// <summary>
/// Writes failed operations to the log when <c>errors.log.enable</c> is true, as Kafka Connect's
/// <c>LogReporter</c>: the stage, the class and the record's coordinates; the key, value and
/// headers only with <c>errors.log.include.messages</c> (records can carry personal data).
/// </summary>
internal sealed partial class LogReporter : IErrorReporter
{
    private readonly ErrorHandlingOptions _options;
    private readonly TaskMetrics _metrics;
    private readonly ILogger _logger;

    public LogReporter(ErrorHandlingOptions options, TaskMetrics metrics, ILogger logger)
    {
        _options = options;
        _metrics = metrics;
        _logger = logger;
    }

    public ValueTask ReportAsync(ErrorContext context, CancellationToken cancellationToken)
    {
        if (!_options.LogEnable)
        {
            return ValueTask.CompletedTask;
        }
        var record = context.Record;
        LogError(
            _logger,
            context.Error,
            _metrics.Connector,
            _metrics.TaskId,
            context.Stage,
            ClassName.Of(context.ExecutingClass),
            Where(record),
            _options.LogIncludeMessages ? Describe(record) : "(errors.log.include.messages=false)"
        );
        _metrics.RecordErrorLogged();
        return ValueTask.CompletedTask;
    }

    // A consumed record by topic-partition@offset, as Kafka Connect's LogReporter; a source record
    // has neither (issue 20, item 11: it printed "customers-@"), so its source partition and offset.
    internal static string Where(ErrantRecord record) =>
        record.IsConsumed ? record.Coordinates
        : record.SourcePartition is null && record.SourceOffset is null ? record.Coordinates
        : $"{record.Coordinates} from source partition {Offsets.OffsetJson.Map(record.SourcePartition ?? new Dictionary<string, string>())} at source offset {(record.SourceOffset is null ? "null" : Offsets.OffsetJson.Map(record.SourceOffset))}";

    internal static string Describe(ErrantRecord record)
    {
        var text = new StringBuilder()
            .Append("key=")
            .Append(Show(record.Key))
            .Append(", value=")
            .Append(Show(record.Value))
            .Append(", headers=[");
        for (var i = 0; i < record.Headers.Count; i++)
        {
            text.Append(i == 0 ? "" : ", ")
                .Append(record.Headers[i].Name)
                .Append('=')
                .Append(Show(HeaderBytes.Of(record.Headers[i].Value)));
        }
        return text.Append(']').ToString();
    }

    private static string Show(byte[]? bytes) =>
        bytes is null ? "null" : Encoding.UTF8.GetString(bytes).Replace('\0', '.');

    [LoggerMessage(
        Level = LogLevel.Error,
        Message = "Error encountered in task {Connector}-{Task}. Executing stage '{Stage}' with class '{ClassName}', where the record is {Where}: {Record}"
    )]
    private static partial void LogError(
        ILogger logger,
        Exception error,
        string connector,
        int task,
        Stage stage,
        string className,
        string where,
        string record
    );
}
