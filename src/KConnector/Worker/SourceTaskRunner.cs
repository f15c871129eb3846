using Confluent.Kafka;
using KConnector.Converters;
using KConnector.Errors;
using KConnector.Records;
using KConnector.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace KConnector.Worker;

/// <summary>
/// Runs a source task: polls it, converts each record, and produces it through an idempotent
/// producer with <c>acks=all</c>, so a retried send can neither reorder nor duplicate records.
/// The first produce or conversion error stops the task (Kafka Connect's <c>errors.tolerance=none</c>).
/// </summary>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TValue">The value type.</typeparam>
public sealed class SourceTaskRunner<TKey, TValue>
{
    private static readonly TimeSpan IdlePause = TimeSpan.FromMilliseconds(50);
    private readonly WorkerOptions _options;
    private readonly ISourceTask<TKey, TValue> _task;
    private readonly IConverter<TKey> _keyConverter;
    private readonly IConverter<TValue> _valueConverter;
    private readonly ILogger _logger;
    private long _polled;
    private long _acknowledged;
    private Exception? _produceError;

    /// <summary>Creates a runner; nothing connects until <see cref="RunAsync"/>.</summary>
    public SourceTaskRunner(
        WorkerOptions options,
        ISourceTask<TKey, TValue> task,
        IConverter<TKey> keyConverter,
        IConverter<TValue> valueConverter,
        ILogger? logger = null
    )
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(keyConverter);
        ArgumentNullException.ThrowIfNull(valueConverter);
        _options = options;
        _task = task;
        _keyConverter = keyConverter;
        _valueConverter = valueConverter;
        _logger = logger ?? NullLogger.Instance;
    }

    /// <summary>Records returned by the task's polls so far.</summary>
    public long RecordsPolled => Interlocked.Read(ref _polled);

    /// <summary>Records Kafka has acknowledged so far.</summary>
    public long RecordsAcknowledged => Interlocked.Read(ref _acknowledged);

    /// <summary>
    /// Polls and produces until <paramref name="stoppingToken"/> is cancelled, then waits for every
    /// record in flight to be acknowledged. Throws a <see cref="ConnectException"/> naming the stage
    /// when a record cannot be converted or produced.
    /// </summary>
    public async Task RunAsync(CancellationToken stoppingToken)
    {
        var config = new ProducerConfig(new Dictionary<string, string>(_options.ClientConfig))
        {
            BootstrapServers = _options.BootstrapServers,
            EnableIdempotence = true,
            Acks = Acks.All,
            LingerMs = _options.ClientConfig.ContainsKey("linger.ms") ? null : 5,
        };
        using var producer = new ProducerBuilder<byte[]?, byte[]?>(config).Build();
        _logger.LogInformation(
            "Source connector {Connector} producing to {BootstrapServers}",
            _options.Name,
            _options.BootstrapServers
        );
        try
        {
            while (
                !stoppingToken.IsCancellationRequested && Volatile.Read(ref _produceError) is null
            )
            {
                IReadOnlyList<SourceRecord<TKey, TValue>> batch;
                try
                {
                    batch = await _task.PollAsync(stoppingToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    break;
                }
                if (batch.Count == 0)
                {
                    await Task.Delay(IdlePause, CancellationToken.None).ConfigureAwait(false);
                    continue;
                }
                Interlocked.Add(ref _polled, batch.Count);
                foreach (var record in batch)
                {
                    Produce(producer, record);
                }
            }
        }
        finally
        {
            // A clean stop: everything handed to the producer is acknowledged before returning.
            producer.Flush(Timeout.InfiniteTimeSpan);
        }
        if (Volatile.Read(ref _produceError) is { } error)
        {
            throw new ConnectException(
                Stage.KAFKA_PRODUCE,
                $"Source connector '{_options.Name}' failed to produce: {error.Message}",
                error
            );
        }
    }

    private void Produce(IProducer<byte[]?, byte[]?> producer, SourceRecord<TKey, TValue> record)
    {
        var message = new Message<byte[]?, byte[]?>
        {
            Key = Convert(_keyConverter, record.Topic, record.Key, Stage.KEY_CONVERTER),
            Value = Convert(_valueConverter, record.Topic, record.Value, Stage.VALUE_CONVERTER),
            Timestamp = record.Timestamp is { } t ? new Timestamp(t) : Timestamp.Default,
        };
        if (record.Headers.Count > 0)
        {
            message.Headers = [];
            foreach (var header in record.Headers)
            {
                message.Headers.Add(header.Name, header.Value);
            }
        }
        var destination = record.Partition is { } p
            ? new TopicPartition(record.Topic, p)
            : new TopicPartition(record.Topic, Partition.Any);
        producer.Produce(destination, message, OnDelivered);
    }

    private void OnDelivered(DeliveryReport<byte[]?, byte[]?> report)
    {
        if (report.Error.IsError)
        {
            Interlocked.CompareExchange(ref _produceError, new KafkaException(report.Error), null);
            return;
        }
        Interlocked.Increment(ref _acknowledged);
    }

    private static byte[]? Convert<T>(IConverter<T> converter, string topic, T? value, Stage stage)
    {
        try
        {
            return converter.FromConnectData(topic, value);
        }
        catch (Exception e)
        {
            throw new ConnectException(
                stage,
                $"{stage} failed for a record to topic '{topic}': {e.Message}",
                e
            );
        }
    }
}
