using System.Diagnostics;
using System.Text;
using Confluent.Kafka;
using KConnector.Distributed.ExactlyOnce;
using KConnector.Errors;
using KConnector.Offsets;
using KConnector.Tasks;
using Microsoft.Extensions.Logging;

namespace KConnector.Worker;

// Exactly-once sources (KIP-618), Kafka Connect's ExactlyOnceWorkerSourceTask: one transactional
// producer per task (transactional.id {group.id}-{connector}-{task}); its InitTransactions fences
// the task's previous instance. Each transaction holds a boundary's records and then the source
// offsets of those records, written to the offsets topic with the same producer, and is committed
// only after every record was delivered; any failure aborts it, so neither the records nor their
// offsets become visible to read_committed readers, and the task fails.
public sealed partial class SourceTaskRunner<TKey, TValue>
{
    private static readonly TimeSpan TransactionTimeout = TimeSpan.FromSeconds(60);

    // transaction.boundary=connector: the task's TransactionContext (Connect gives none otherwise).
    private TransactionContext? ConnectorTransactions { get; }

    private async Task RunTransactionsAsync(
        IProducer<byte[]?, byte[]?> producer,
        IOffsetBackingStore store,
        RetryWithToleranceOperator errors,
        ExactlyOnceSourceSettings settings,
        CancellationToken stoppingToken
    )
    {
        var offsets =
            store as KafkaOffsetBackingStore
            ?? throw new ConnectException(
                Stage.KAFKA_PRODUCE,
                $"Source task {_options.Name}-{_options.TaskId}: exactly.once.source.support=enabled needs an offsets topic (offset.storage.topic or offsets.storage.topic)"
            );
        var transactionalId = settings.TransactionalId(_options.Name, _options.TaskId);
        await Transactional(transactionalId, () => producer.InitTransactions(TransactionTimeout))
            .ConfigureAwait(false);
        LogTransactional(
            _logger,
            _options.Name,
            _options.TaskId,
            transactionalId,
            settings.Boundary
        );
        var transaction = new OpenTransaction(
            producer,
            offsets,
            OffsetsTopicPartitions(producer, offsets.Topic),
            transactionalId
        );
        var sinceCommit = Stopwatch.StartNew();
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var batch = _paused
                    ? []
                    : await PollBatchAsync(errors, stoppingToken).ConfigureAwait(false);
                if (batch is null)
                {
                    break;
                }
                if (batch.Count == 0)
                {
                    await Task.Delay(IdlePause, CancellationToken.None).ConfigureAwait(false);
                }
                else if (
                    !await WriteInTransactionsAsync(transaction, errors, batch, stoppingToken)
                        .ConfigureAwait(false)
                )
                {
                    // Stopped mid-batch: the transaction is aborted below, nothing of it counts.
                    return;
                }
                if (ConnectorTransactions is { } asked)
                {
                    await EndTransactionAsync(transaction, asked.TakeForBatch())
                        .ConfigureAwait(false);
                    continue;
                }
                var due =
                    settings.Boundary == TransactionBoundary.Poll
                    || sinceCommit.Elapsed >= settings.BoundaryInterval
                    || _paused;
                if (transaction.Open && due)
                {
                    await EndTransactionAsync(transaction, TransactionRequest.Commit)
                        .ConfigureAwait(false);
                    sinceCommit.Restart();
                }
            }
            // A clean stop commits the whole batches written since the last boundary; a
            // connector-defined transaction the task did not commit is aborted (Connect commits no
            // final transaction for connector boundaries).
            if (transaction.Open && ConnectorTransactions is null)
            {
                await EndTransactionAsync(transaction, TransactionRequest.Commit)
                    .ConfigureAwait(false);
            }
        }
        finally
        {
            if (transaction.Open)
            {
                Abort(producer, transactionalId);
            }
        }
    }

    // Records first, then their offsets, then the commit: a transaction's offsets never name a
    // record that is not in it (or in an earlier committed one).
    private async Task CommitTransactionAsync(
        IProducer<byte[]?, byte[]?> producer,
        KafkaOffsetBackingStore store,
        int partitions,
        string transactionalId
    )
    {
        var started = Stopwatch.StartNew();
        await Transactional(
                transactionalId,
                () =>
                {
                    while (producer.Flush(TimeSpan.FromMilliseconds(500)) > 0)
                    {
                        if (started.Elapsed > TransactionTimeout)
                        {
                            throw new KafkaException(ErrorCode.Local_TimedOut);
                        }
                    }
                }
            )
            .ConfigureAwait(false);
        if (_failedDeliveries.TryDequeue(out var failure))
        {
            // Not tolerated inside a transaction (Connect fails the task): the transaction is
            // aborted, its records and offsets are discarded, and a restart sends them again.
            throw TransactionFailure(failure.Error, transactionalId);
        }
        var committable = _submitted.TakeCommittable(_options.Name);
        foreach (var (key, value) in committable)
        {
            var keyBytes = Encoding.UTF8.GetBytes(key);
            producer.Produce(
                new TopicPartition(
                    store.Topic,
                    Murmur2Partitioner.PartitionFor(keyBytes, partitions)
                ),
                new Message<byte[]?, byte[]?>
                {
                    Key = keyBytes,
                    Value = Encoding.UTF8.GetBytes(value),
                }
            );
        }
        await Transactional(transactionalId, () => producer.CommitTransaction(TransactionTimeout))
            .ConfigureAwait(false);
        store.Committed(committable);
        _metrics.RecordCommit(started.Elapsed);
        await _task.CommitAsync(CancellationToken.None).ConfigureAwait(false);
    }

    private void Abort(IProducer<byte[]?, byte[]?> producer, string transactionalId)
    {
        try
        {
            producer.AbortTransaction(TransactionTimeout);
            LogAborted(_logger, _options.Name, _options.TaskId, transactionalId);
        }
        catch (KafkaException e)
        {
            // Fenced or unreachable: the broker aborts it when the next instance starts (or
            // transaction.timeout.ms passes); its records are never read as committed.
            LogAbortFailed(_logger, _options.Name, _options.TaskId, e.Error.Reason);
        }
    }

    // librdkafka's transactional calls block: off the task's loop.
    private Task Transactional(string transactionalId, Action call) =>
        Task.Run(() =>
        {
            try
            {
                call();
            }
            catch (KafkaException e)
            {
                throw TransactionFailure(e, transactionalId);
            }
        });

    // A fenced producer is named as such: another instance of the task took over.
    private ConnectException TransactionFailure(KafkaException e, string transactionalId) =>
        e.Error.Code is ErrorCode.ProducerFenced or ErrorCode.InvalidProducerEpoch
        || e.Error.IsFatal
            ? new ConnectException(
                Stage.KAFKA_PRODUCE,
                $"Source task {_options.Name}-{_options.TaskId} was fenced out: another instance started with transactional.id '{transactionalId}' ({e.Error.Code}: {e.Error.Reason}); its open transaction is discarded",
                e
            )
            : new ConnectException(
                Stage.KAFKA_PRODUCE,
                $"Source task {_options.Name}-{_options.TaskId}: the transaction of '{transactionalId}' failed ({e.Error.Code}: {e.Error.Reason}); it is aborted, a restart sends its records again",
                e
            );

    private static int OffsetsTopicPartitions(IProducer<byte[]?, byte[]?> producer, string topic)
    {
        using var admin = new DependentAdminClientBuilder(producer.Handle).Build();
        var metadata = admin.GetMetadata(topic, TransactionTimeout);
        var partitions =
            metadata.Topics.SingleOrDefault(t => t.Topic == topic)?.Partitions.Count ?? 0;
        return partitions > 0
            ? partitions
            : throw new ConnectException(
                Stage.KAFKA_PRODUCE,
                $"The offsets topic '{topic}' does not exist; exactly-once source tasks write their offsets to it"
            );
    }

    [LoggerMessage(
        Level = LogLevel.Information,
        Message = "Source task {Connector}-{Task} writes in transactions as {TransactionalId} (transaction.boundary={Boundary})"
    )]
    private static partial void LogTransactional(
        ILogger logger,
        string connector,
        int task,
        string transactionalId,
        TransactionBoundary boundary
    );

    [LoggerMessage(
        Level = LogLevel.Warning,
        Message = "Source task {Connector}-{Task} aborted its open transaction ({TransactionalId}): its records and offsets are discarded"
    )]
    private static partial void LogAborted(
        ILogger logger,
        string connector,
        int task,
        string transactionalId
    );

    [LoggerMessage(
        Level = LogLevel.Warning,
        Message = "Source task {Connector}-{Task} could not abort its transaction ({Reason}); the broker aborts it"
    )]
    private static partial void LogAbortFailed(
        ILogger logger,
        string connector,
        int task,
        string reason
    );
}
