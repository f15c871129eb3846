using Confluent.Kafka;
using Confluent.Kafka.Admin;
using KConnector.Converters.Headers;
using KConnector.Metrics;
using KConnector.Records;
using Microsoft.Extensions.Logging;

namespace KConnector.Errors;

/// <summary>
/// Sends failed records to <c>errors.deadletterqueue.topic.name</c>, as Kafka Connect's
/// <c>DeadLetterQueueReporter</c>: the original raw key, value, headers and timestamp, plus the
/// <c>__connect.errors.*</c> context headers when <c>errors.deadletterqueue.context.headers.enable</c>
/// is true. <see cref="ReportAsync"/> completes when Kafka acknowledged the record, so the caller may
/// then commit the failed record's offset; a record the queue cannot take fails the task rather than
/// being lost.
/// </summary>
internal sealed partial class DeadLetterQueueReporter : IErrorReporter
{
    private readonly ErrorHandlingOptions _options;
    private readonly IProducer<byte[]?, byte[]?> _producer;
    private readonly TaskMetrics _metrics;
    private readonly ILogger _logger;

    public DeadLetterQueueReporter(
        ErrorHandlingOptions options,
        IProducer<byte[]?, byte[]?> producer,
        TaskMetrics metrics,
        ILogger logger
    )
    {
        _options = options;
        _producer = producer;
        _metrics = metrics;
        _logger = logger;
    }

    public string Topic => _options.DeadLetterQueueTopicName!;

    /// <summary>
    /// Creates the queue topic (one partition, the configured replication factor) if it does not
    /// exist, as Kafka Connect's <c>DeadLetterQueueReporter.createAndSetup</c>. A cluster that cannot
    /// create topics through the admin API (the embedded one) falls back to auto-creation.
    /// </summary>
    public static async Task EnsureTopicAsync(
        string bootstrapServers,
        IReadOnlyDictionary<string, string> clientConfig,
        ErrorHandlingOptions options,
        ILogger logger
    )
    {
        var config = new AdminClientConfig(new Dictionary<string, string>(clientConfig))
        {
            BootstrapServers = bootstrapServers,
        };
        using var admin = new AdminClientBuilder(config).Build();
        var topic = options.DeadLetterQueueTopicName!;
        try
        {
            var metadata = admin.GetMetadata(topic, TimeSpan.FromSeconds(10));
            if (metadata.Topics.Any(t => t.Topic == topic && !t.Error.IsError))
            {
                return;
            }
            await admin
                .CreateTopicsAsync(
                    [
                        new TopicSpecification
                        {
                            Name = topic,
                            NumPartitions = 1,
                            ReplicationFactor = options.DeadLetterQueueTopicReplicationFactor,
                        },
                    ],
                    new CreateTopicsOptions { RequestTimeout = TimeSpan.FromSeconds(10) }
                )
                .ConfigureAwait(false);
        }
        catch (CreateTopicsException e)
            when (e.Results.All(r =>
                    r.Error.Code is ErrorCode.TopicAlreadyExists or ErrorCode.NoError
                )
            ) { }
        catch (KafkaException e)
        {
            LogCannotCreate(logger, topic, e.Message);
        }
    }

    public async ValueTask ReportAsync(ErrorContext context, CancellationToken cancellationToken)
    {
        var record = context.Record;
        var headers = new List<RecordHeader>(record.Headers);
        if (_options.DeadLetterQueueContextHeadersEnable)
        {
            DeadLetterQueueHeaders.AddTo(headers, context, _metrics.Connector, _metrics.TaskId);
        }
        var message = new Message<byte[]?, byte[]?>
        {
            Key = record.Key,
            Value = record.Value,
            Timestamp = record.Timestamp is { } t ? new Timestamp(t) : Timestamp.Default,
            Headers = [],
        };
        foreach (var header in headers)
        {
            message.Headers.Add(header.Name, HeaderBytes.Of(header.Value));
        }
        _metrics.RecordDeadLetterQueueRequest();
        while (true)
        {
            try
            {
                await _producer
                    .ProduceAsync(Topic, message, cancellationToken)
                    .ConfigureAwait(false);
                return;
            }
            catch (ProduceException<byte[]?, byte[]?> e)
                when (e.Error.Code == ErrorCode.Local_QueueFull)
            {
                await Task.Delay(10, cancellationToken).ConfigureAwait(false);
            }
            catch (ProduceException<byte[]?, byte[]?> e)
            {
                _metrics.RecordDeadLetterQueueFailure();
                throw new ConnectException(
                    context.Stage,
                    $"Cannot write {record.Coordinates} to the dead-letter queue '{Topic}': {e.Error.Reason}",
                    e
                );
            }
        }
    }

    [LoggerMessage(
        Level = LogLevel.Warning,
        Message = "Cannot create the dead-letter queue topic {Topic} ({Reason}); relying on topic auto-creation"
    )]
    private static partial void LogCannotCreate(ILogger logger, string topic, string reason);
}
