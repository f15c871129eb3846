using System.Collections.Concurrent;
using System.Diagnostics;
using Confluent.Kafka;
using KConnector.Converters;
using KConnector.Distributed.ExactlyOnce;
using KConnector.Errors;
using KConnector.Metrics;
using KConnector.Offsets;
using KConnector.Records;
using KConnector.Tasks;
using KConnector.Transforms.Compiled;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace KConnector.Worker;

/// <summary>
/// Runs a source task, as Kafka Connect's <c>WorkerSourceTask</c>: polls it, converts each record,
/// and produces it through an idempotent producer with <c>acks=all</c>, so a retried send can
/// neither reorder nor duplicate records. A record's source offset is committed (every
/// <c>offset.flush.interval.ms</c>, and at stop) only once Kafka acknowledged it and every record
/// polled before it from the same source partition. Failures go through <c>errors.*</c>: retried,
/// then fatal (<c>none</c>) or skipped and dead-lettered (<c>all</c>; Kafka Connect has no source
/// dead-letter queue, see docs/worker.md). Input the task could not read comes back in its batch as
/// <see cref="SourceRecord{TKey,TValue}.Unreadable"/> and fails at stage <c>TASK_POLL</c>.
/// </summary>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TValue">The value type.</typeparam>
public sealed partial class SourceTaskRunner<TKey, TValue> : TaskRunner<TKey, TValue>
{
    private static readonly TimeSpan IdlePause = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan StopFlushLimit = TimeSpan.FromSeconds(30);
    private readonly ISourceTask<TKey, TValue> _task;
    private readonly SubmittedRecords _submitted = new();
    private readonly ConcurrentQueue<FailedDelivery> _failedDeliveries = new();
    private readonly TopicPartitionCache _destinations = new();
    private KafkaReachability? _kafka;

    /// <summary>Creates a runner; nothing connects until <see cref="RunAsync"/>.</summary>
    public SourceTaskRunner(
        WorkerOptions options,
        ISourceTask<TKey, TValue> task,
        IConverter<TKey> keyConverter,
        IConverter<TValue> valueConverter,
        ILogger? logger = null
    )
        : base(options, task, keyConverter, valueConverter, logger)
    {
        _task = task;
        _recordKeyConverter = keyConverter as IRecordKeyConverter<TKey, TValue>;
        _compiledHeaders = valueConverter is ICompiledHeaders<TValue> { AddsHeaders: true } c
            ? c
            : null;
        _keyHeaders = KeyHeaders(keyConverter);
        _delivered = OnDelivered;
        ConnectorTransactions = options.ExactlyOnce is { Boundary: TransactionBoundary.Connector }
            ? new TransactionContext()
            : null;
    }

    /// <summary>Records returned by the task's polls so far.</summary>
    public long RecordsPolled => _metrics.SourceRecordPollTotal;

    /// <summary>Records Kafka has acknowledged so far.</summary>
    public long RecordsAcknowledged => _metrics.SourceRecordWriteTotal;

    /// <inheritdoc/>
    public override long RecordsProcessed => RecordsAcknowledged;

    /// <summary>
    /// Polls and produces until <paramref name="stoppingToken"/> is cancelled, then waits for every
    /// record in flight to be acknowledged and commits the offsets. Throws a
    /// <see cref="ConnectException"/> naming the stage (and the record) when a failure is not
    /// tolerated; offsets of records acknowledged before it are still committed.
    /// </summary>
    public override Task RunAsync(CancellationToken stoppingToken) =>
        RunGuardedAsync(RunCoreAsync, stoppingToken);

    private protected override void LogFailed(Exception error) =>
        LogTaskFailed(_logger, error, _options.Name, _options.TaskId);

    private async Task RunCoreAsync(CancellationToken stoppingToken)
    {
        var store = _options.OffsetStore ?? new MemoryOffsetBackingStore();
        await store.StartAsync(stoppingToken).ConfigureAwait(false);
        var config = new ProducerConfig(new Dictionary<string, string>(_options.ClientConfig))
        {
            BootstrapServers = _options.BootstrapServers,
            EnableIdempotence = true,
            Acks = Acks.All,
            LingerMs = _options.ClientConfig.ContainsKey("linger.ms") ? null : 5,
            // Bound the producer's buffer as Java's buffer.memory (32 MiB) does, not librdkafka's
            // 1 GiB: a task that polls faster than Kafka acknowledges then waits instead of growing.
            QueueBufferingMaxKbytes = _options.ClientConfig.ContainsKey(
                "queue.buffering.max.kbytes"
            )
                ? null
                : 32768,
            // Each delivery report would otherwise marshal the message's headers back from native
            // memory; the runner keeps the message itself and reads only the timestamp.
            DeliveryReportFields = _options.ClientConfig.ContainsKey(
                "dotnet.producer.delivery.report.fields"
            )
                ? null
                : "timestamp",
        };
        if (_options.ExactlyOnce is { } exactlyOnce)
        {
            config.TransactionalId = exactlyOnce.TransactionalId(_options.Name, _options.TaskId);
        }
        var kafka = new KafkaReachability(
            _kafkaWait,
            _options.BootstrapServers,
            _options.ClientConfig
        );
        _kafka = kafka;
        using var producer = new ProducerBuilder<byte[]?, byte[]?>(config)
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
        using var records = RecordProducer(producer);
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
            reporters.Add(
                new DeadLetterQueueReporter(_options.Errors, producer, _metrics, _logger)
            );
        }
        var errors = new RetryWithToleranceOperator(
            _options.Errors,
            _metrics,
            reporters,
            dependencyWait: _dependencyWait
        );
        _task.Initialize(
            new SourceTaskContext(
                _options.Name,
                _options.TaskId,
                new OffsetStorageReader(store, _options.Name)
            )
            {
                TasksMax = _options.TasksMax,
                TransactionContext = ConnectorTransactions,
            }
        );
        LogStarted(_logger, _options.Name, _options.TaskId, _options.BootstrapServers);
        if (_options.ExactlyOnce is { } transactions)
        {
            await RunTransactionsAsync(producer, store, errors, transactions, stoppingToken)
                .ConfigureAwait(false);
            return;
        }
        var lastCommit = Stopwatch.StartNew();
        var failed = true;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                if (
                    await kafka
                        .ExpiredAsync(Stage.KAFKA_PRODUCE, () => Probe(producer))
                        .ConfigureAwait(false) is
                    { } unreachable
                )
                {
                    throw unreachable;
                }
                await HandleFailedDeliveriesAsync(errors, stoppingToken).ConfigureAwait(false);
                if (lastCommit.Elapsed >= _options.OffsetFlushInterval)
                {
                    await CommitOffsetsAsync(store, stoppingToken).ConfigureAwait(false);
                    lastCommit.Restart();
                }
                if (_paused)
                {
                    await Task.Delay(IdlePause, CancellationToken.None).ConfigureAwait(false);
                    continue;
                }
                if (
                    await PollBatchAsync(errors, stoppingToken).ConfigureAwait(false)
                    is not { } batch
                )
                {
                    break;
                }
                if (batch.Count == 0)
                {
                    await Task.Delay(IdlePause, CancellationToken.None).ConfigureAwait(false);
                    continue;
                }
                if (
                    !await WriteBatchAsync(producer, errors, batch, stoppingToken)
                        .ConfigureAwait(false)
                )
                {
                    break;
                }
            }
            failed = false;
        }
        finally
        {
            // Clean stop or failure: whatever was handed to the producer is acknowledged (or has
            // failed) before the offsets of acknowledged records are committed.
            await DrainAsync(producer, kafka).ConfigureAwait(false);
            if (!failed)
            {
                await HandleFailedDeliveriesAsync(errors, CancellationToken.None)
                    .ConfigureAwait(false);
            }
            await CommitOffsetsAsync(store, CancellationToken.None).ConfigureAwait(false);
            if (_options.OffsetStore is null)
            {
                await store.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    // TASK_POLL: a RetriableException is polled again after a backoff (Kafka Connect logs and
    // polls again). Null: stopped while polling.
    private async ValueTask<IReadOnlyList<SourceRecord<TKey, TValue>>?> PollBatchAsync(
        RetryWithToleranceOperator errors,
        CancellationToken stoppingToken
    )
    {
        IReadOnlyList<SourceRecord<TKey, TValue>> batch;
        try
        {
            batch = await errors.RetryAsync(_task.PollAsync, stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return null;
        }
        catch (Exception e) when (e is not ConnectException)
        {
            throw new ConnectException(
                Stage.TASK_POLL,
                $"Source task {_options.Name}-{_options.TaskId} failed in poll: {e.Message}",
                e
            );
        }
        if (batch.Count > 0)
        {
            _metrics.RecordPoll(batch.Count);
        }
        return batch;
    }

    // Transforms, converts and hands each record of a batch to the producer. False: stopped
    // mid-batch.
    private async ValueTask<bool> WriteBatchAsync(
        IProducer<byte[]?, byte[]?> producer,
        RetryWithToleranceOperator errors,
        IReadOnlyList<SourceRecord<TKey, TValue>> batch,
        CancellationToken stoppingToken
    )
    {
        try
        {
            foreach (var record in batch)
            {
                if (record.UnreadableInput is { } unreadable)
                {
                    await FailUnreadableAsync(errors, record, unreadable, stoppingToken)
                        .ConfigureAwait(false);
                    continue;
                }
                // TRANSFORMATION: a record a transform drops is skipped, its offset committed in order.
                var transformed = _options.Transformations.IsEmpty
                    ? record
                    : await TransformAsync(errors, record, stoppingToken).ConfigureAwait(false);
                if (transformed is null)
                {
                    Skip(record, Submit(record));
                    continue;
                }
                await SendAsync(producer, errors, record, transformed, stoppingToken)
                    .ConfigureAwait(false);
            }
            return true;
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopped while a record waited for its converter's dependency (or a retry): it was
            // never acknowledged, so its offset and every later one stay uncommitted and a
            // restart polls them again.
            return false;
        }
    }

    // polled: the record as the task made it, which its offset and CommitRecord are about (Kafka
    // Connect's preTransformRecord); record: what the transformations made of it, which is sent.
    private async ValueTask SendAsync(
        IProducer<byte[]?, byte[]?> producer,
        RetryWithToleranceOperator errors,
        SourceRecord<TKey, TValue> polled,
        SourceRecord<TKey, TValue> record,
        CancellationToken cancellationToken
    )
    {
        var inFlight = Track(new InFlight(polled, record));
        byte[]? key = null;
        byte[]? value;
        var keyConverted = false;
        // Connect's SourceRecord: its partition and timestamp, null where the task set none.
        CompiledMetadata?.Set(record.Partition, null, record.Timestamp);
        CompiledMetadata?.SetHeaders(record.Headers);
        try
        {
            key = ConvertKey(record);
            keyConverted = true;
            value = _valueConverter.FromConnectData(record.Topic, record.Value);
        }
        catch (Exception e)
        {
            if (
                await ConvertAfterFailureAsync(
                        errors,
                        record,
                        e,
                        key,
                        keyConverted,
                        cancellationToken
                    )
                    .ConfigureAwait(false)
                is not { } done
            )
            {
                Skip(polled, inFlight);
                return;
            }
            (key, value) = done;
        }
        Headers? headers;
        try
        {
            headers = ConvertHeaders(record);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            var (ok, converted) = await ConvertHeadersAfterFailureAsync(
                    errors,
                    record,
                    key,
                    value,
                    e,
                    cancellationToken
                )
                .ConfigureAwait(false);
            if (!ok)
            {
                Skip(polled, inFlight);
                return;
            }
            headers = converted;
        }
        var timestamp = record.Timestamp is { } t ? new Timestamp(t) : Timestamp.Default;
        var destination = _destinations.For(record.Topic, record.Partition);
        while (true)
        {
            try
            {
                Produce(destination, inFlight, (key, value), timestamp, headers);
                return;
            }
            catch (ProduceException<InFlight, InFlight> e)
                when (e.Error.Code == ErrorCode.Local_QueueFull)
            {
                // The producer's queue is full: wait for deliveries rather than failing
                // (back-pressure), but not past a stop or the time Kafka may stay unreachable.
                cancellationToken.ThrowIfCancellationRequested();
                if (
                    _kafka is { IsDown: true } kafka
                    && await kafka
                        .ExpiredAsync(Stage.KAFKA_PRODUCE, () => Probe(producer))
                        .ConfigureAwait(false)
                        is { } unreachable
                )
                {
                    throw unreachable;
                }
                await Task.Delay(1, CancellationToken.None).ConfigureAwait(false);
            }
        }
    }

    // The slow path, after a converter threw: retries (for a RetriableException) and tolerance.
    // Returns the converted bytes, or null when the record failed and was tolerated.
    private async ValueTask<(byte[]? Key, byte[]? Value)?> ConvertAfterFailureAsync(
        RetryWithToleranceOperator errors,
        SourceRecord<TKey, TValue> record,
        Exception firstFailure,
        byte[]? keyIfConverted,
        bool keyConverted,
        CancellationToken cancellationToken
    )
    {
        byte[]? key = keyIfConverted;
        var keyFailed = !keyConverted;
        // A dead-letter copy never has an empty key or value where the record had one: what failed
        // to convert is kept in a documented encoding, named in a header.
        var headers = WireHeaders(record);
        var keyCopy = keyFailed
            ? DeadLetterEncoder.Encode(
                _keyConverter,
                record.Key,
                DeadLetterQueueHeaders.KeyEncoding,
                headers
            )
            : key;
        var valueCopy = DeadLetterEncoder.Encode(
            _valueConverter,
            record.Value,
            DeadLetterQueueHeaders.ValueEncoding,
            headers
        );
        var failed = new ErrantRecord
        {
            Topic = record.Topic,
            Key = keyCopy,
            Value = valueCopy,
            Headers = headers,
            Timestamp = record.Timestamp,
            SourcePartition = record.SourcePartition,
            SourceOffset = record.SourceOffset,
        };
        if (keyFailed)
        {
            var (ok, bytes) = await errors
                .ExecuteAsync(
                    _ => ValueTask.FromResult(ConvertKey(record)),
                    StageOf(firstFailure, Stage.KEY_CONVERTER),
                    ClassOf(firstFailure, _keyConverter),
                    failed,
                    cancellationToken,
                    firstFailure
                )
                .ConfigureAwait(false);
            if (!ok)
            {
                return null;
            }
            key = bytes;
        }
        // After a key failure the value has not been converted yet: its first attempt runs here,
        // so a failure is reported at its own stage (a compiled chain's: TRANSFORMATION).
        var (converted, valueFailure) = keyFailed
            ? FirstAttempt(() => _valueConverter.FromConnectData(record.Topic, record.Value))
            : (null, firstFailure);
        if (valueFailure is null)
        {
            return (key, converted);
        }
        var (valueOk, value) = await errors
            .ExecuteAsync(
                _ =>
                    ValueTask.FromResult(
                        _valueConverter.FromConnectData(record.Topic, record.Value)
                    ),
                StageOf(valueFailure, Stage.VALUE_CONVERTER),
                ClassOf(valueFailure, _valueConverter),
                failed with
                {
                    Key = key ?? keyCopy,
                },
                cancellationToken,
                valueFailure
            )
            .ConfigureAwait(false);
        return valueOk ? (key, value) : null;
    }

    // Input the task could not read (SourceRecord.Unreadable): a record error at TASK_POLL. Under
    // none FailAsync throws before the offset is submitted, so it and everything after it stay
    // uncommitted; under all it is reported (dead-lettered and acknowledged by Kafka) first, then
    // submitted and acknowledged at once, so its offset commits in order with the records around it.
    private async ValueTask FailUnreadableAsync(
        RetryWithToleranceOperator errors,
        SourceRecord<TKey, TValue> record,
        UnreadableInput unreadable,
        CancellationToken cancellationToken
    )
    {
        var failed = new ErrantRecord
        {
            Topic = record.Topic,
            Key = unreadable.RawKey,
            Value = unreadable.RawValue,
            Headers = WireHeaders(record),
            Timestamp = record.Timestamp,
            SourcePartition = record.SourcePartition,
            SourceOffset = record.SourceOffset,
        };
        await errors
            .FailAsync(
                new ErrorContext(failed, Stage.TASK_POLL, _task.GetType(), unreadable.Error),
                cancellationToken
            )
            .ConfigureAwait(false);
        var submitted = Submit(record);
        Skip(record, submitted);
    }

    // A record without a source partition and offset has nothing to commit.
    private SubmittedRecords.Submitted? Submit(SourceRecord<TKey, TValue> record) =>
        record.SourcePartition is { } partition && record.SourceOffset is { } offset
            ? _submitted.Submit(partition, offset)
            : null;

    private void Skip(SourceRecord<TKey, TValue> record, SubmittedRecords.Submitted? submitted)
    {
        if (submitted is not null)
        {
            _submitted.Acknowledge(submitted);
        }
        _task.CommitRecord(record, null);
    }

    // KAFKA_PRODUCE failures arrive on the producer's thread; they are handled here, on the task's
    // loop, so that dead-lettering (which awaits Kafka) never blocks deliveries.
    private async ValueTask HandleFailedDeliveriesAsync(
        RetryWithToleranceOperator errors,
        CancellationToken cancellationToken
    )
    {
        while (_failedDeliveries.TryDequeue(out var failure))
        {
            var code = failure.Error.Error.Code;
            if (code is ErrorCode.Local_PurgeQueue or ErrorCode.Local_PurgeInflight)
            {
                // Purged at a stop while Kafka was unreachable: never acknowledged, so its offset
                // stays uncommitted and the next start sends it again.
                continue;
            }
            if (KafkaReachability.IsUnreachable(code))
            {
                // Not the record's fault: the task fails (nothing at or after it is committed)
                // rather than dead-letter or skip a good record (issue 20, items 2 and 3).
                throw new ConnectException(
                    Stage.KAFKA_PRODUCE,
                    $"Source task {_options.Name}-{_options.TaskId} could not deliver a record to {_kafka?.Dependency ?? "Kafka"} ({code}: {failure.Error.Error.Reason}); it is not dead-lettered: a restart sends it again",
                    failure.Error
                );
            }
            var record = failure.InFlight.Record;
            var headers = WireHeaders(record);
            var (key, value) = ConvertAgain(record, headers);
            var failed = new ErrantRecord
            {
                Topic = record.Topic,
                Key = key,
                Value = value,
                Headers = headers,
                Timestamp = record.Timestamp,
                SourcePartition = record.SourcePartition,
                SourceOffset = record.SourceOffset,
            };
            await errors
                .FailAsync(
                    new ErrorContext(
                        failed,
                        Stage.KAFKA_PRODUCE,
                        typeof(IProducer<byte[], byte[]>),
                        failure.Error
                    ),
                    cancellationToken
                )
                .ConfigureAwait(false);
            Skip(failure.InFlight.Polled, failure.InFlight);
        }
    }

    // A refused record's key and value for its dead-letter copy: the runner keeps no copy of the
    // bytes while Kafka has them (most records are acknowledged and never need one), so they are
    // converted again by the same converters, which give the bytes that were sent. One that fails
    // now (after a retried conversion succeeded, say) gives the dead-letter encoding, named in a
    // header, as a record whose conversion failed does.
    private (byte[]? Key, byte[]? Value) ConvertAgain(
        SourceRecord<TKey, TValue> record,
        List<RecordHeader> headers
    ) =>
        (
            ConvertedOrEncoded(
                () => ConvertKey(record),
                _keyConverter,
                record.Key,
                DeadLetterQueueHeaders.KeyEncoding,
                headers
            ),
            ConvertedOrEncoded(
                () => _valueConverter.FromConnectData(record.Topic, record.Value),
                _valueConverter,
                record.Value,
                DeadLetterQueueHeaders.ValueEncoding,
                headers
            )
        );

    private static byte[]? ConvertedOrEncoded<T>(
        Func<byte[]?> convert,
        IConverter<T> converter,
        T? value,
        string encodingHeader,
        List<RecordHeader> headers
    )
    {
        try
        {
            return convert();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return DeadLetterEncoder.Encode(converter, value, encodingHeader, headers);
        }
    }

    private static async Task DrainAsync(
        IProducer<byte[]?, byte[]?> producer,
        KafkaReachability kafka
    )
    {
        var deadline = Stopwatch.StartNew();
        while (
            producer.Flush(TimeSpan.FromMilliseconds(500)) > 0 && deadline.Elapsed < StopFlushLimit
        )
        {
            if (kafka.IsDown)
            {
                // Waiting for a cluster that cannot be reached would only hold up the stop (issue
                // 20, item 3: --duration): the records not acknowledged are dropped with the
                // producer, their offsets stay uncommitted, and the next start sends them again.
                return;
            }
            await Task.Yield();
        }
    }

    // Whether the cluster answers a metadata request: it may have come back while nothing was sent.
    private static bool Probe(IProducer<byte[]?, byte[]?> producer)
    {
        try
        {
            using var admin = new DependentAdminClientBuilder(producer.Handle).Build();
            admin.GetMetadata(TimeSpan.FromSeconds(2));
            return true;
        }
        catch (KafkaException)
        {
            return false;
        }
    }

    private async ValueTask CommitOffsetsAsync(
        IOffsetBackingStore store,
        CancellationToken cancellationToken
    )
    {
        var offsets = _submitted.TakeCommittable(_options.Name);
        if (offsets.Count == 0)
        {
            return;
        }
        var started = Stopwatch.StartNew();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.OffsetFlushTimeout);
        try
        {
            await store.SetAsync(offsets, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or KafkaException or IOException)
        {
            // As Kafka Connect: a failed offset commit is logged and tried again at the next interval.
            _submitted.Restore(offsets);
            _metrics.RecordCommitFailure();
            LogCommitFailed(_logger, _options.Name, _options.TaskId, e.Message);
            return;
        }
        _metrics.RecordCommit(started.Elapsed);
        await _task.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    [LoggerMessage(
        Level = LogLevel.Information,
        Message = "Source task {Connector}-{Task} producing to {BootstrapServers}"
    )]
    private static partial void LogStarted(
        ILogger logger,
        string connector,
        int task,
        string bootstrapServers
    );

    [LoggerMessage(Level = LogLevel.Error, Message = "Source task {Connector}-{Task} failed")]
    private static partial void LogTaskFailed(
        ILogger logger,
        Exception error,
        string connector,
        int task
    );

    [LoggerMessage(
        Level = LogLevel.Warning,
        Message = "Source task {Connector}-{Task} could not commit offsets ({Reason}); retrying at the next commit"
    )]
    private static partial void LogCommitFailed(
        ILogger logger,
        string connector,
        int task,
        string reason
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
