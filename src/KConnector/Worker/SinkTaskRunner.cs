using Confluent.Kafka;
using KConnector.Converters;
using KConnector.Errors;
using KConnector.Records;
using KConnector.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace KConnector.Worker;

/// <summary>
/// Runs a sink task: consumes its topics in the connector's group (<c>connect-{name}</c>), converts
/// each record, hands batches to <c>PutAsync</c>, and commits a batch's offsets only after the task
/// has put and flushed it. A crash therefore re-delivers at most the batch in flight.
/// </summary>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TValue">The value type.</typeparam>
public sealed class SinkTaskRunner<TKey, TValue>
{
    private static readonly TimeSpan ConsumeWait = TimeSpan.FromMilliseconds(100);
    private readonly WorkerOptions _options;
    private readonly ISinkTask<TKey, TValue> _task;
    private readonly IConverter<TKey> _keyConverter;
    private readonly IConverter<TValue> _valueConverter;
    private readonly ILogger _logger;
    private long _put;

    /// <summary>Creates a runner; nothing connects until <see cref="RunAsync"/>.</summary>
    public SinkTaskRunner(
        WorkerOptions options,
        ISinkTask<TKey, TValue> task,
        IConverter<TKey> keyConverter,
        IConverter<TValue> valueConverter,
        ILogger? logger = null
    )
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(keyConverter);
        ArgumentNullException.ThrowIfNull(valueConverter);
        if (options.Topics.Count == 0)
        {
            throw new ArgumentException(
                $"Sink connector '{options.Name}' needs at least one topic ('topics').",
                nameof(options)
            );
        }
        _options = options;
        _task = task;
        _keyConverter = keyConverter;
        _valueConverter = valueConverter;
        _logger = logger ?? NullLogger.Instance;
    }

    /// <summary>Records put, flushed and committed so far.</summary>
    public long RecordsCommitted => Interlocked.Read(ref _put);

    /// <summary>Consumes and puts until <paramref name="stoppingToken"/> is cancelled, then commits and leaves the group.</summary>
    public Task RunAsync(CancellationToken stoppingToken) =>
        // Consume blocks in native code; give the loop its own thread rather than a pool thread.
        Task
            .Factory.StartNew(
                () => RunLoopAsync(stoppingToken),
                CancellationToken.None,
                TaskCreationOptions.LongRunning,
                TaskScheduler.Default
            )
            .Unwrap();

    private async Task RunLoopAsync(CancellationToken stoppingToken)
    {
        var config = new ConsumerConfig(new Dictionary<string, string>(_options.ClientConfig))
        {
            BootstrapServers = _options.BootstrapServers,
            GroupId = _options.GroupId,
            EnableAutoCommit = false,
            EnableAutoOffsetStore = false,
            AutoOffsetReset = _options.ClientConfig.ContainsKey("auto.offset.reset")
                ? null
                : AutoOffsetReset.Earliest,
        };
        using var consumer = new ConsumerBuilder<byte[]?, byte[]?>(config).Build();
        consumer.Subscribe(_options.Topics);
        _logger.LogInformation(
            "Sink connector {Connector} consuming {Topics} as group {Group}",
            _options.Name,
            _options.Topics,
            _options.GroupId
        );
        var batch = new List<SinkRecord<TKey, TValue>>(_options.MaxPollRecords);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                batch.Clear();
                var next = new Dictionary<TopicPartition, Offset>();
                while (batch.Count < _options.MaxPollRecords)
                {
                    var result = consumer.Consume(batch.Count == 0 ? ConsumeWait : TimeSpan.Zero);
                    if (result is null)
                    {
                        break;
                    }
                    if (result.IsPartitionEOF)
                    {
                        continue;
                    }
                    batch.Add(ToSinkRecord(result));
                    next[result.TopicPartition] = result.Offset + 1;
                }
                if (batch.Count == 0)
                {
                    continue;
                }
                await _task.PutAsync(batch, CancellationToken.None).ConfigureAwait(false);
                await _task.FlushAsync(CancellationToken.None).ConfigureAwait(false);
                consumer.Commit(next.Select(kv => new TopicPartitionOffset(kv.Key, kv.Value)));
                Interlocked.Add(ref _put, batch.Count);
            }
        }
        finally
        {
            // Leaves the group at once so that the partitions move without a session timeout.
            consumer.Close();
        }
    }

    private SinkRecord<TKey, TValue> ToSinkRecord(ConsumeResult<byte[]?, byte[]?> result)
    {
        var topic = result.Topic;
        var headers = new List<RecordHeader>(result.Message.Headers?.Count ?? 0);
        if (result.Message.Headers is { } raw)
        {
            foreach (var h in raw)
            {
                headers.Add(new RecordHeader(h.Key, h.GetValueBytes()));
            }
        }
        return new SinkRecord<TKey, TValue>
        {
            Topic = topic,
            Partition = result.Partition.Value,
            Offset = result.Offset.Value,
            Key = Convert(_keyConverter, result, result.Message.Key, Stage.KEY_CONVERTER),
            Value = Convert(_valueConverter, result, result.Message.Value, Stage.VALUE_CONVERTER),
            Headers = headers,
            Timestamp = result.Message.Timestamp.UtcDateTime,
        };
    }

    private static T? Convert<T>(
        IConverter<T> converter,
        ConsumeResult<byte[]?, byte[]?> result,
        byte[]? data,
        Stage stage
    )
    {
        try
        {
            return converter.ToConnectData(result.Topic, data);
        }
        catch (Exception e)
        {
            throw new ConnectException(
                stage,
                $"{stage} failed for {result.TopicPartitionOffset}: {e.Message}",
                e
            );
        }
    }
}
