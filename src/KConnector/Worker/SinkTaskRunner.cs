using System.Diagnostics;
using Confluent.Kafka;
using KConnector.Converters;
using KConnector.Errors;
using KConnector.Metrics;
using KConnector.Records;
using KConnector.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace KConnector.Worker;

/// <summary>
/// Runs a sink task, as Kafka Connect's <c>WorkerSinkTask</c>: consumes its topics in the
/// connector's group (<c>connect-{name}</c>), converts each record, hands batches to the task's put,
/// and commits offsets (every <c>offset.flush.interval.ms</c>, on partitions revoked and at stop)
/// only after the task has flushed, and only for records durably written or dead-lettered. A crash
/// therefore re-delivers at most the work since the last commit; a clean stop re-delivers nothing.
/// Partitions lost to the group are dropped without a commit. While a put is being retried the
/// consumer's partitions are paused, so the task stays in the group without reading further.
/// </summary>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TValue">The value type.</typeparam>
public sealed partial class SinkTaskRunner<TKey, TValue> : TaskRunner<TKey, TValue>
{
    private static readonly TimeSpan ConsumeWait = TimeSpan.FromMilliseconds(100);
    private readonly ISinkTask<TKey, TValue> _task;
    private readonly HashSet<TopicPartition> _assigned = [];
    private readonly SinkPartitions _partitions = new();
    private RetryWithToleranceOperator _errors = null!;
    private KafkaReachability? _kafka;
    private IConsumer<byte[]?, byte[]?> _consumer = null!;
    private long _recordsCommitted;
    private int _markPass;
    private bool _dirty;
    private bool _putting;
    private bool _failed;

    /// <summary>Creates a runner; nothing connects until <see cref="RunAsync"/>.</summary>
    public SinkTaskRunner(
        WorkerOptions options,
        ISinkTask<TKey, TValue> task,
        IConverter<TKey> keyConverter,
        IConverter<TValue> valueConverter,
        ILogger? logger = null
    )
        : base(options, task, keyConverter, valueConverter, logger)
    {
        if (options.Topics.Count == 0 && string.IsNullOrEmpty(options.TopicsRegex))
        {
            throw new ArgumentException(
                $"Sink connector '{options.Name}' needs at least one topic ('topics' or 'topics.regex').",
                nameof(options)
            );
        }
        _task = task;
        _recordKeyConverter = keyConverter as Transforms.Compiled.ISinkRecordKeyConverter<TKey>;
        _keyHeaders = keyConverter
            is Transforms.Compiled.ISinkCompiledHeaders { AddsHeaders: true } k
            ? k
            : null;
        _compiledHeaders = valueConverter
            is Transforms.Compiled.ISinkCompiledHeaders { AddsHeaders: true } c
            ? c
            : null;
    }

    /// <summary>Records put (or dead-lettered), flushed and committed so far.</summary>
    public long RecordsCommitted => Interlocked.Read(ref _recordsCommitted);

    /// <inheritdoc/>
    public override long RecordsProcessed => RecordsCommitted;

    /// <summary>The partitions currently assigned to this task by the group (tasks.max tasks share them).</summary>
    public IReadOnlyList<TopicPartition> Assignment
    {
        get
        {
            lock (_assigned)
            {
                return [.. _assigned];
            }
        }
    }

    /// <summary>
    /// Consumes and puts until <paramref name="stoppingToken"/> is cancelled, then flushes, commits
    /// and leaves the group. Throws a <see cref="ConnectException"/> naming the stage and the record
    /// when a failure is not tolerated; offsets are then committed up to, not including, that record.
    /// </summary>
    public override Task RunAsync(CancellationToken stoppingToken) =>
        // Consume blocks in native code; give the loop its own thread rather than a pool thread.
        Task
            .Factory.StartNew(
                () =>
                {
                    _failed = false;
                    return RunGuardedAsync(RunLoopAsync, stoppingToken);
                },
                CancellationToken.None,
                TaskCreationOptions.LongRunning,
                TaskScheduler.Default
            )
            .Unwrap();

    private protected override void LogFailed(Exception error) =>
        LogTaskFailed(_logger, error, _options.Name, _options.TaskId);

    private async Task RunLoopAsync(CancellationToken stoppingToken)
    {
        var config = SinkConsumerSettings.Config(_options);
        IProducer<byte[]?, byte[]?>? dlqProducer = null;
        var reporters = new List<IErrorReporter>
        {
            new LogReporter(_options.Errors, _metrics, _logger),
        };
        if (_options.Errors.HasDeadLetterQueue)
        {
            await DeadLetterQueueReporter
                .EnsureTopicAsync(
                    _options.BootstrapServers,
                    _options.ClientConfig,
                    _options.Errors,
                    _logger
                )
                .ConfigureAwait(false);
            dlqProducer = new ProducerBuilder<byte[]?, byte[]?>(
                new ProducerConfig
                {
                    BootstrapServers = _options.BootstrapServers,
                    EnableIdempotence = true,
                    Acks = Acks.All,
                    LingerMs = 0,
                }
            ).Build();
            reporters.Add(
                new DeadLetterQueueReporter(_options.Errors, dlqProducer, _metrics, _logger)
            );
        }
        _errors = new RetryWithToleranceOperator(
            _options.Errors,
            _metrics,
            reporters,
            dependencyWait: _dependencyWait
        );
        var kafka = new KafkaReachability(
            _kafkaWait,
            _options.BootstrapServers,
            _options.ClientConfig,
            consumer: true
        );
        _kafka = kafka;
        using var consumer = new ConsumerBuilder<byte[]?, byte[]?>(config)
            .SetPartitionsAssignedHandler((_, partitions) => OnAssigned(partitions))
            .SetPartitionsRevokedHandler((_, partitions) => OnRevoked(partitions))
            .SetPartitionsLostHandler((_, partitions) => OnLost(partitions))
            .SetErrorHandler(
                (_, e) =>
                {
                    // A cluster that cannot be reached is said once (then every 30 s), not per attempt.
                    if (!kafka.Report(e))
                    {
                        LogClientError(_logger, _options.Name, e.Code, e.Reason);
                    }
                }
            )
            .Build();
        _consumer = consumer;
        if (_options.TopicsRegex is { } regex)
        {
            // librdkafka treats a subscription starting with ^ as a (POSIX) regular expression;
            // Kafka Connect's topics.regex must match the whole name (Pattern.matches).
            consumer.Subscribe("^(" + regex + ")$");
        }
        else
        {
            consumer.Subscribe(_options.Topics);
        }
        LogStarted(
            _logger,
            _options.Name,
            _options.TaskId,
            _options.TopicsRegex ?? string.Join(",", _options.Topics),
            _options.GroupId
        );
        var lastCommit = Stopwatch.StartNew();
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await FailIfKafkaLostAsync(kafka, consumer).ConfigureAwait(false);
                if (_paused)
                {
                    PauseAndPoll(ConsumeWait, stoppingToken);
                }
                else
                {
                    ConnectException? fatal;
                    try
                    {
                        fatal = Consume(stoppingToken);
                    }
                    catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                    {
                        // Stopped while a record waited for its converter's dependency (or a
                        // retry): nothing of this batch was put, so nothing of it is committed.
                        ClearEntries();
                        break;
                    }
                    await ProcessBatchAsync(fatal, stoppingToken).ConfigureAwait(false);
                }
                // Also while paused: work finished before the pause is still committed.
                if (lastCommit.Elapsed >= _options.OffsetFlushInterval)
                {
                    await FlushAndCommitAsync(null, stoppingToken).ConfigureAwait(false);
                    lastCommit.Restart();
                }
            }
            // A clean stop: flush and commit everything finished, then leave the group.
            await FlushAndCommitAsync(null, CancellationToken.None).ConfigureAwait(false);
        }
        catch
        {
            _failed = true;
            throw;
        }
        finally
        {
            try
            {
                // Leaves the group at once so that the partitions move without a session timeout.
                consumer.Close();
            }
            finally
            {
                dlqProducer?.Flush(TimeSpan.FromSeconds(10));
                dlqProducer?.Dispose();
            }
        }
    }

    // Reads up to max.poll.records and converts them. Returns the error that stopped the batch
    // early (a record that failed conversion and was not tolerated), or null.
    private ConnectException? Consume(CancellationToken stoppingToken)
    {
        ClearEntries();
        try
        {
            return ConsumeBatch(stoppingToken);
        }
        finally
        {
            _metrics.RecordRead(_entries.Count);
        }
    }

    private ConnectException? ConsumeBatch(CancellationToken stoppingToken)
    {
        while (_entries.Count < _options.MaxPollRecords && !stoppingToken.IsCancellationRequested)
        {
            ConsumeResult<byte[]?, byte[]?>? result;
            try
            {
                result = _consumer.Consume(_entries.Count == 0 ? ConsumeWait : TimeSpan.Zero);
            }
            catch (ConsumeException e) when (!e.Error.IsFatal)
            {
                LogClientError(_logger, _options.Name, e.Error.Code, e.Error.Reason);
                break;
            }
            catch (ConsumeException e)
            {
                throw new ConnectException(
                    Stage.KAFKA_CONSUME,
                    $"Sink task {_options.Name}-{_options.TaskId} cannot consume: {e.Error.Reason}",
                    e
                );
            }
            if (result is null)
            {
                break;
            }
            _kafka?.Reachable();
            if (result.IsPartitionEOF)
            {
                continue;
            }
            _options.TopicUsed?.Invoke(result.Topic);
            var entry = NextEntry(result, _partitions.Find(result.Topic, result.Partition.Value));
            _entries.Add(entry);
            // Connect's SinkRecord: the consumed record's partition, offset and timestamp.
            CompiledMetadata?.Set(result.Partition.Value, result.Offset.Value, TimestampOf(result));
            CompiledMetadata?.SetHeaders(result.Message.Headers);
            try
            {
                entry.Record = ToSinkRecord(result);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                var fatal = ConvertAfterFailure(entry, e, stoppingToken);
                if (fatal is not null)
                {
                    _entries.RemoveAt(_entries.Count - 1);
                    return fatal;
                }
            }
            if (Transform(entry, stoppingToken) is { } failed)
            {
                _entries.RemoveAt(_entries.Count - 1);
                return failed;
            }
        }
        return null;
    }

    private ConnectException? ConvertAfterFailure(
        Entry entry,
        Exception error,
        CancellationToken stoppingToken
    )
    {
        var result = entry.Raw;
        var failed = ToErrantRecord(result);
        var keyFailed = error is KeyConversionException;
        var cause = error is KeyConversionException k ? k.InnerException! : error;
        try
        {
            // Converters are synchronous: the retry loop blocks this (dedicated) thread.
            TKey? key = default;
            if (keyFailed)
            {
                var (ok, value) = RetryKey(result, cause, failed, stoppingToken);
                if (!ok)
                {
                    entry.Handled = true;
                    return null;
                }
                key = value;
            }
            else
            {
                key = ConvertKey(result);
            }
            // After a key failure the value has not been converted yet: its first attempt runs
            // here, so a failure is reported at its own stage (a compiled chain's: TRANSFORMATION).
            var (converted, valueFailure) = keyFailed
                ? FirstAttempt(() =>
                    _valueConverter.ToConnectData(result.Topic, result.Message.Value)
                )
                : (default, cause);
            if (valueFailure is null)
            {
                entry.Record = ToSinkRecord(result, key, converted);
                return null;
            }
            var (valueOk, retried) = _errors
                .ExecuteAsync(
                    _ =>
                        ValueTask.FromResult(
                            _valueConverter.ToConnectData(result.Topic, result.Message.Value)
                        ),
                    StageOf(valueFailure, Stage.VALUE_CONVERTER),
                    ClassOf(valueFailure, _valueConverter),
                    failed,
                    stoppingToken,
                    valueFailure
                )
                .AsTask()
                .GetAwaiter()
                .GetResult();
            if (!valueOk)
            {
                entry.Handled = true;
                return null;
            }
            if (_recordKeyConverter is not null && !keyFailed)
            {
                // A key made from the value was not computed while the value could not be read.
                var (again, keyFailure) = FirstAttempt(() => ConvertKey(result));
                var (keyOk, retriedKey) = keyFailure is null
                    ? (true, again)
                    : RetryKey(result, keyFailure, failed, stoppingToken);
                if (!keyOk)
                {
                    entry.Handled = true;
                    return null;
                }
                key = retriedKey;
            }
            entry.Record = ToSinkRecord(result, key, retried);
            return null;
        }
        catch (ConnectException e)
        {
            return e;
        }
    }

    private async ValueTask ProcessBatchAsync(
        ConnectException? fatal,
        CancellationToken stoppingToken
    )
    {
        var records = new List<SinkRecord<TKey, TValue>>(_entries.Count);
        var positions = new List<int>(_entries.Count);
        for (var i = 0; i < _entries.Count; i++)
        {
            if (_entries[i].Record is { } record)
            {
                records.Add(record);
                positions.Add(i);
            }
        }
        if (records.Count > 0)
        {
            try
            {
                await PutAsync(records, positions, stoppingToken).ConfigureAwait(false);
            }
            catch (ConnectException e) when (e.Partition is not null)
            {
                fatal = e;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                // Stopped during a put's retries: the batch is not done, so it is not committed.
                ClearEntries();
                return;
            }
        }
        MarkDone();
        ClearEntries();
        if (fatal is not null)
        {
            // Commit what was finished before the record at fault, and nothing after it.
            await FlushAndCommitAsync(null, CancellationToken.None).ConfigureAwait(false);
            throw fatal;
        }
    }

    private async ValueTask PutAsync(
        List<SinkRecord<TKey, TValue>> records,
        List<int> positions,
        CancellationToken stoppingToken
    )
    {
        var started = _errors.Now();
        var pending = Enumerable.Range(0, records.Count).ToList();
        _putting = true;
        var paused = false;
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                var batch =
                    pending.Count == records.Count
                        ? records
                        : pending.Select(i => records[i]).ToList();
                _metrics.RecordSend(batch.Count);
                PutResult result;
                try
                {
                    result = await _errors
                        .RetryAsync(
                            ct => _task.TryPutAsync(batch, ct),
                            stoppingToken,
                            delay => paused |= PauseAndPoll(delay, stoppingToken)
                        )
                        .ConfigureAwait(false);
                }
                catch (Exception e)
                    when (e is not ConnectException and not OperationCanceledException)
                {
                    // As Kafka Connect: a put that throws fails the task; it cannot be pinned on a record.
                    throw new ConnectException(
                        Stage.TASK_PUT,
                        $"Sink task {_options.Name}-{_options.TaskId} failed in put of {batch.Count} records: {e.Message}",
                        e
                    );
                }
                MarkWritten(batch.Count, result.Rejections, positions, pending);
                var retry = new List<int>();
                TimeSpan delay = TimeSpan.Zero;
                foreach (var rejection in result.Rejections.OrderBy(r => r.Index))
                {
                    if (rejection.Index < 0 || rejection.Index >= batch.Count)
                    {
                        throw new ConnectException(
                            Stage.TASK_PUT,
                            $"Sink task {_options.Name}-{_options.TaskId} rejected record index {rejection.Index} of a batch of {batch.Count}."
                        );
                    }
                    var position = positions[pending[rejection.Index]];
                    if (
                        retry.Count == 0
                            ? _errors.ShouldRetry(rejection.Error, attempt, started, out delay)
                            : rejection.Error is RetriableException
                    )
                    {
                        retry.Add(pending[rejection.Index]);
                        continue;
                    }
                    var entry = _entries[position];
                    await _errors
                        .FailAsync(
                            new ErrorContext(
                                ToErrantRecord(entry.Raw),
                                Stage.TASK_PUT,
                                _task.GetType(),
                                rejection.Error
                            ),
                            stoppingToken
                        )
                        .ConfigureAwait(false);
                    entry.Handled = true;
                }
                if (retry.Count == 0)
                {
                    return;
                }
                paused |= PauseAndPoll(delay, stoppingToken);
                stoppingToken.ThrowIfCancellationRequested();
                pending = retry;
            }
        }
        finally
        {
            _putting = false;
            if (paused && !_paused)
            {
                _consumer.Resume(_consumer.Assignment);
            }
        }
    }

    // Waits while keeping the consumer in its group: all partitions paused, Consume called so that
    // rebalances and heartbeats proceed; a record that still arrives is sought back to be read again.
    private bool PauseAndPoll(TimeSpan wait, CancellationToken stoppingToken)
    {
        var clock = Stopwatch.StartNew();
        do
        {
            _consumer.Pause(_consumer.Assignment);
            ConsumeResult<byte[]?, byte[]?>? result = null;
            try
            {
                var slice = wait - clock.Elapsed;
                result = _consumer.Consume(
                    slice < ConsumeWait
                        ? (slice > TimeSpan.Zero ? slice : TimeSpan.Zero)
                        : ConsumeWait
                );
            }
            catch (ConsumeException e) when (!e.Error.IsFatal)
            {
                LogClientError(_logger, _options.Name, e.Error.Code, e.Error.Reason);
            }
            if (result is { IsPartitionEOF: false })
            {
                _consumer.Seek(result.TopicPartitionOffset);
            }
        } while (clock.Elapsed < wait && !stoppingToken.IsCancellationRequested);
        if (!_paused && !_putting)
        {
            _consumer.Resume(_consumer.Assignment);
        }
        return true;
    }

    // Advances each partition's committable offset over the leading run of finished records
    // (written, or failed and tolerated); the first unfinished record stops its partition.
    private void MarkDone()
    {
        var pass = ++_markPass;
        foreach (var entry in _entries)
        {
            if (
                entry.Partition is not { Assigned: true } partition
                || partition.StoppedInPass == pass
            )
            {
                continue;
            }
            if (!entry.Handled)
            {
                partition.StoppedInPass = pass;
                continue;
            }
            partition.Done = entry.Raw.Offset.Value + 1;
            partition.DoneCount++;
            _dirty = true;
        }
    }

    private async ValueTask FlushAndCommitAsync(
        IReadOnlyCollection<TopicPartition>? only,
        CancellationToken cancellationToken
    )
    {
        var committing = _partitions
            .All.Where(p => p.HasUncommitted && (only is null || only.Contains(p.TopicPartition)))
            .ToList();
        var offsets = committing
            .Select(p => new TopicPartitionOffset(p.TopicPartition, p.Done))
            .ToList();
        if (offsets.Count == 0 && !_dirty)
        {
            return;
        }
        var started = Stopwatch.StartNew();
        await FlushTaskAsync(cancellationToken).ConfigureAwait(false);
        if (only is null)
        {
            _dirty = false;
        }
        if (offsets.Count == 0)
        {
            return;
        }
        try
        {
            _consumer.Commit(offsets);
        }
        catch (KafkaException e)
        {
            // As Kafka Connect: a failed commit is logged and tried again at the next one.
            _metrics.RecordCommitFailure();
            LogCommitFailed(_logger, _options.Name, _options.TaskId, e.Error.Code, e.Error.Reason);
            return;
        }
        for (var i = 0; i < committing.Count; i++)
        {
            var partition = committing[i];
            partition.Committed = offsets[i].Offset.Value;
            Interlocked.Add(ref _recordsCommitted, partition.DoneCount);
            partition.DoneCount = 0;
        }
        _metrics.RecordCommit(started.Elapsed);
    }

    private void OnAssigned(List<TopicPartition> partitions)
    {
        lock (_assigned)
        {
            foreach (var tp in partitions)
            {
                _assigned.Add(tp);
            }
        }
        foreach (var tp in partitions)
        {
            _partitions.Assign(tp);
        }
        LogAssigned(_logger, _options.Name, _options.TaskId, partitions.Count);
    }

    // Partitions revoked (a rebalance or our own close): finish what is done, commit it, drop the
    // rest (records read but not yet put go to the new owner, which reads them from the commit).
    private void OnRevoked(List<TopicPartitionOffset> partitions)
    {
        var revoked = partitions.Select(p => p.TopicPartition).ToHashSet();
        if (!_putting)
        {
            _entries.RemoveAll(e => revoked.Contains(e.Raw.TopicPartition));
        }
        if (!_failed)
        {
            try
            {
                FlushAndCommitAsync(revoked, CancellationToken.None)
                    .AsTask()
                    .GetAwaiter()
                    .GetResult();
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogRevokeCommitFailed(_logger, e, _options.Name, _options.TaskId);
            }
        }
        Forget(revoked);
    }

    // Partitions lost (the session expired): another member may own them already; commit nothing.
    private void OnLost(List<TopicPartitionOffset> partitions)
    {
        var lost = partitions.Select(p => p.TopicPartition).ToHashSet();
        if (!_putting)
        {
            _entries.RemoveAll(e => lost.Contains(e.Raw.TopicPartition));
        }
        Forget(lost);
    }

    private void Forget(HashSet<TopicPartition> partitions)
    {
        foreach (var tp in partitions)
        {
            lock (_assigned)
            {
                _assigned.Remove(tp);
            }
            _partitions.Forget(tp);
        }
    }

    private SinkRecord<TKey, TValue> ToSinkRecord(ConsumeResult<byte[]?, byte[]?> result)
    {
        TKey? key;
        try
        {
            key = ConvertKey(result);
        }
        catch (Exception e)
        {
            throw new KeyConversionException(e);
        }
        return ToSinkRecord(
            result,
            key,
            _valueConverter.ToConnectData(result.Topic, result.Message.Value)
        );
    }

    private SinkRecord<TKey, TValue> ToSinkRecord(
        ConsumeResult<byte[]?, byte[]?> result,
        TKey? key,
        TValue? value
    ) =>
        new()
        {
            Topic = result.Topic,
            Partition = result.Partition.Value,
            Offset = result.Offset.Value,
            Key = key,
            Value = value,
            Headers = ConnectHeaders(result, value is not null),
            Timestamp = result.Message.Timestamp.UtcDateTime,
        };

    private static IReadOnlyList<RecordHeader> Headers(ConsumeResult<byte[]?, byte[]?> result)
    {
        if (result.Message.Headers is not { Count: > 0 } raw)
        {
            return [];
        }
        var headers = new List<RecordHeader>(raw.Count);
        foreach (var h in raw)
        {
            headers.Add(new RecordHeader(h.Key, h.GetValueBytes()));
        }
        return headers;
    }

    private static ErrantRecord ToErrantRecord(ConsumeResult<byte[]?, byte[]?> result) =>
        new()
        {
            Topic = result.Topic,
            Partition = result.Partition.Value,
            Offset = result.Offset.Value,
            Key = result.Message.Key,
            Value = result.Message.Value,
            Headers = Headers(result),
            Timestamp =
                result.Message.Timestamp.Type == TimestampType.NotAvailable
                    ? null
                    : result.Message.Timestamp.UtcDateTime,
        };

    private sealed class KeyConversionException(Exception inner) : Exception(inner.Message, inner);

    [LoggerMessage(
        Level = LogLevel.Information,
        Message = "Sink task {Connector}-{Task} consuming {Topics} as group {Group}"
    )]
    private static partial void LogStarted(
        ILogger logger,
        string connector,
        int task,
        string topics,
        string group
    );

    [LoggerMessage(
        Level = LogLevel.Information,
        Message = "Sink task {Connector}-{Task} assigned {Count} partitions"
    )]
    private static partial void LogAssigned(ILogger logger, string connector, int task, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Sink task {Connector}-{Task} failed")]
    private static partial void LogTaskFailed(
        ILogger logger,
        Exception error,
        string connector,
        int task
    );

    [LoggerMessage(
        Level = LogLevel.Warning,
        Message = "Sink task {Connector}-{Task} could not commit offsets ({Code}: {Reason}); retrying at the next commit"
    )]
    private static partial void LogCommitFailed(
        ILogger logger,
        string connector,
        int task,
        ErrorCode code,
        string reason
    );

    [LoggerMessage(
        Level = LogLevel.Warning,
        Message = "Sink task {Connector}-{Task} could not flush and commit revoked partitions"
    )]
    private static partial void LogRevokeCommitFailed(
        ILogger logger,
        Exception error,
        string connector,
        int task
    );

    [LoggerMessage(
        Level = LogLevel.Warning,
        Message = "Kafka client error in connector {Connector}: {Code} {Reason}"
    )]
    private static partial void LogClientError(
        ILogger logger,
        string connector,
        ErrorCode code,
        string reason
    );
}
