using Confluent.Kafka;
using KConnector.Errors;
using KConnector.Offsets;
using KConnector.Records;
using KConnector.Tasks;
using Microsoft.Extensions.Logging;

namespace KConnector.Worker;

// Where an exactly-once task's transactions begin and end: after each poll (poll), after
// transaction.boundary.interval.ms (interval), or where the task asks through its
// TransactionContext (connector, Connect's connector-defined boundaries): a batch is cut after
// each record the task named, so that record is the last of its transaction.
public sealed partial class SourceTaskRunner<TKey, TValue>
{
    // Writes a batch in the open transaction (beginning one first), ending it after each record
    // the task asked about. False: stopped mid-batch.
    private async ValueTask<bool> WriteInTransactionsAsync(
        OpenTransaction transaction,
        RetryWithToleranceOperator errors,
        IReadOnlyList<SourceRecord<TKey, TValue>> batch,
        CancellationToken stoppingToken
    )
    {
        if (ConnectorTransactions is not { } asked)
        {
            // poll and interval: the whole batch in the open transaction, no per-record question.
            await BeginAsync(transaction).ConfigureAwait(false);
            return await WriteBatchAsync(transaction.Producer, errors, batch, stoppingToken)
                .ConfigureAwait(false);
        }
        var start = 0;
        for (var i = 0; i < batch.Count; i++)
        {
            var request = asked.TakeFor(batch[i]);
            if (request == TransactionRequest.None && i < batch.Count - 1)
            {
                continue;
            }
            await BeginAsync(transaction).ConfigureAwait(false);
            var part =
                start == 0 && i == batch.Count - 1 ? batch : batch.Take(start..(i + 1)).ToList();
            if (
                !await WriteBatchAsync(transaction.Producer, errors, part, stoppingToken)
                    .ConfigureAwait(false)
            )
            {
                return false;
            }
            start = i + 1;
            await EndTransactionAsync(transaction, request).ConfigureAwait(false);
        }
        return true;
    }

    private async Task BeginAsync(OpenTransaction transaction)
    {
        if (!transaction.Open)
        {
            await Transactional(transaction.Id, transaction.Producer.BeginTransaction)
                .ConfigureAwait(false);
            transaction.Open = true;
        }
    }

    // A request with no open transaction has nothing to end (Connect ignores it too).
    private async Task EndTransactionAsync(OpenTransaction transaction, TransactionRequest request)
    {
        if (!transaction.Open || request == TransactionRequest.None)
        {
            return;
        }
        if (request == TransactionRequest.Commit)
        {
            await CommitTransactionAsync(
                    transaction.Producer,
                    transaction.Offsets,
                    transaction.Partitions,
                    transaction.Id
                )
                .ConfigureAwait(false);
        }
        else
        {
            await AbortAsRequestedAsync(transaction).ConfigureAwait(false);
        }
        transaction.Open = false;
    }

    // The task asked to abort: its records are discarded by Kafka, and their source offsets here,
    // once every record was handed over (so no later delivery acknowledges an offset of it); the
    // next transaction's offsets are the first committed after it.
    private async Task AbortAsRequestedAsync(OpenTransaction transaction)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        await Transactional(
                transaction.Id,
                () =>
                {
                    while (transaction.Producer.Flush(TimeSpan.FromMilliseconds(500)) > 0)
                    {
                        if (started.Elapsed > TransactionTimeout)
                        {
                            throw new KafkaException(ErrorCode.Local_TimedOut);
                        }
                    }
                    transaction.Producer.AbortTransaction(TransactionTimeout);
                }
            )
            .ConfigureAwait(false);
        while (_failedDeliveries.TryDequeue(out _)) { }
        var dropped = _submitted.TakeCommittable(_options.Name);
        LogAbortedAsRequested(_logger, _options.Name, _options.TaskId, dropped.Count);
    }

    // The transaction a task writes in, and where its offsets go.
    private sealed class OpenTransaction(
        IProducer<byte[]?, byte[]?> producer,
        KafkaOffsetBackingStore offsets,
        int partitions,
        string id
    )
    {
        public IProducer<byte[]?, byte[]?> Producer { get; } = producer;

        public KafkaOffsetBackingStore Offsets { get; } = offsets;

        public int Partitions { get; } = partitions;

        public string Id { get; } = id;

        public bool Open { get; set; }
    }

    [LoggerMessage(
        Level = LogLevel.Information,
        Message = "Source task {Connector}-{Task} aborted its transaction as it asked: its records and the offsets of {Partitions} source partition(s) are dropped"
    )]
    private static partial void LogAbortedAsRequested(
        ILogger logger,
        string connector,
        int task,
        int partitions
    );
}
