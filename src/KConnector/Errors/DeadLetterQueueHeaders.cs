using System.Globalization;
using System.Text;
using KConnector.Records;

namespace KConnector.Errors;

/// <summary>
/// The context headers of a dead-letter record, named and encoded as Kafka Connect's
/// <c>DeadLetterQueueReporter.populateContextHeaders</c>: UTF-8 strings, numbers in decimal; topic,
/// partition and offset only when there is a consumed record; the exception headers only when there
/// is an error.
/// </summary>
public static class DeadLetterQueueHeaders
{
    /// <summary><c>__connect.errors.topic</c>: the consumed record's topic.</summary>
    public const string Topic = "__connect.errors.topic";

    /// <summary><c>__connect.errors.partition</c>: the consumed record's partition.</summary>
    public const string Partition = "__connect.errors.partition";

    /// <summary><c>__connect.errors.offset</c>: the consumed record's offset.</summary>
    public const string Offset = "__connect.errors.offset";

    /// <summary><c>__connect.errors.connector.name</c>.</summary>
    public const string ConnectorName = "__connect.errors.connector.name";

    /// <summary><c>__connect.errors.task.id</c>.</summary>
    public const string TaskId = "__connect.errors.task.id";

    /// <summary><c>__connect.errors.stage</c>: a <see cref="Errors.Stage"/> name.</summary>
    public const string Stage = "__connect.errors.stage";

    /// <summary><c>__connect.errors.class.name</c>: the class that was running.</summary>
    public const string ClassName = "__connect.errors.class.name";

    /// <summary><c>__connect.errors.exception.class.name</c>.</summary>
    public const string ExceptionClassName = "__connect.errors.exception.class.name";

    /// <summary><c>__connect.errors.exception.message</c>.</summary>
    public const string ExceptionMessage = "__connect.errors.exception.message";

    /// <summary><c>__connect.errors.exception.stacktrace</c>: the exception with its causes and stack, as <see cref="Exception.ToString"/>.</summary>
    public const string ExceptionStackTrace = "__connect.errors.exception.stacktrace";

    /// <summary>
    /// KConnector's own header on a source record's dead-letter copy (Kafka Connect has no source
    /// dead-letter queue): the source partition, as JSON.
    /// </summary>
    public const string SourcePartition = "__kconnector.errors.source.partition";

    /// <summary>KConnector's own header on a source record's dead-letter copy: the source offset, as JSON.</summary>
    public const string SourceOffset = "__kconnector.errors.source.offset";

    /// <summary>
    /// KConnector's own header on a source record's dead-letter copy whose key converter failed: how
    /// the key was written instead (<c>avro-binary</c>, <c>json</c>, <c>protobuf-binary</c>,
    /// <c>utf-8</c>, <c>bytes</c>, <c>text</c>; see <see cref="Converters.IDeadLetterEncoding{T}"/>).
    /// </summary>
    public const string KeyEncoding = "__kconnector.errors.key.encoding";

    /// <summary>As <see cref="KeyEncoding"/>, for a value its converter failed on.</summary>
    public const string ValueEncoding = "__kconnector.errors.value.encoding";

    /// <summary>Appends the context headers for <paramref name="context"/> to <paramref name="headers"/>.</summary>
    public static void AddTo(
        ICollection<RecordHeader> headers,
        ErrorContext context,
        string connectorName,
        int taskId
    )
    {
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(context);
        var record = context.Record;
        if (record.IsConsumed)
        {
            headers.Add(new RecordHeader(Topic, Utf8(record.Topic)));
            headers.Add(new RecordHeader(Partition, Utf8(Decimal(record.Partition!.Value))));
            headers.Add(new RecordHeader(Offset, Utf8(Decimal(record.Offset!.Value))));
        }
        headers.Add(new RecordHeader(ConnectorName, Utf8(connectorName)));
        headers.Add(new RecordHeader(TaskId, Utf8(Decimal(taskId))));
        headers.Add(new RecordHeader(Stage, Utf8(context.Stage.ToString())));
        headers.Add(new RecordHeader(ClassName, Utf8(Errors.ClassName.Of(context.ExecutingClass))));
        var error = context.Error;
        headers.Add(
            new RecordHeader(ExceptionClassName, Utf8(Errors.ClassName.Of(error.GetType())))
        );
        headers.Add(
            new RecordHeader(
                ExceptionMessage,
                Utf8(Configuration.UrlRedaction.RedactIn(error.Message))
            )
        );
        headers.Add(
            new RecordHeader(
                ExceptionStackTrace,
                Utf8(Configuration.UrlRedaction.RedactIn(error.ToString()))
            )
        );
        if (record.SourcePartition is { } partition)
        {
            headers.Add(new RecordHeader(SourcePartition, Utf8(Offsets.OffsetJson.Map(partition))));
        }
        if (record.SourceOffset is { } offset)
        {
            headers.Add(new RecordHeader(SourceOffset, Utf8(Offsets.OffsetJson.Map(offset))));
        }
    }

    private static string Decimal(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static byte[] Utf8(string value) => Encoding.UTF8.GetBytes(value);
}
