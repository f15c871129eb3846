using Confluent.Kafka;
using KConnector.Connectors.Errors;
using KConnector.Errors;

namespace KConnector.Worker;

public sealed partial class SinkTaskRunner<TKey, TValue>
{
    private static readonly TimeSpan RereadWait = TimeSpan.FromSeconds(10);

    // Flush before each commit: the offsets are committed only once the task says its writes are
    // durable. A sink that buffers across puts writes records only now, so the records it names as
    // refused in its flush get what a put's rejections get: errors.tolerance, the log and the
    // dead-letter queue, one by one (Kafka Connect fails the task; KConnector goes beyond, as the
    // docs promise). Under errors.tolerance=none the first of them fails the task before the commit.
    private async ValueTask FlushTaskAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _errors
                .RetryAsync(
                    async ct =>
                    {
                        await _task.FlushAsync(ct).ConfigureAwait(false);
                        return true;
                    },
                    cancellationToken
                )
                .ConfigureAwait(false);
        }
        catch (SinkRecordsFailedException e) when (e.Failed.Count > 0)
        {
            await FailFlushedAsync(e.Failed, cancellationToken).ConfigureAwait(false);
        }
    }

    private async ValueTask FailFlushedAsync(
        IReadOnlyList<FailedRecord> failed,
        CancellationToken cancellationToken
    )
    {
        // The records were handed over in earlier puts and are not kept (that would hold every
        // record between two commits in memory): read the refused ones back from Kafka, so the
        // dead-letter queue gets their original key, value, headers and timestamp.
        using var reader = new ConsumerBuilder<byte[]?, byte[]?>(
            SinkConsumerSettings.Config(_options)
        ).Build();
        foreach (var record in failed)
        {
            var errant = Reread(reader, record);
            await _errors
                .FailAsync(
                    new ErrorContext(
                        errant,
                        Stage.TASK_PUT,
                        _task.GetType(),
                        new ConnectException(Stage.TASK_PUT, record.Reason)
                    ),
                    cancellationToken
                )
                .ConfigureAwait(false);
        }
    }

    // Assign, never subscribe: the reader takes no part in the connector's group and commits nothing.
    private static ErrantRecord Reread(IConsumer<byte[]?, byte[]?> reader, FailedRecord record)
    {
        var target = new TopicPartitionOffset(record.Topic, record.Partition, record.Offset);
        reader.Assign(target);
        var deadline = DateTime.UtcNow + RereadWait;
        try
        {
            while (DateTime.UtcNow < deadline)
            {
                var result = reader.Consume(TimeSpan.FromMilliseconds(200));
                if (result is { IsPartitionEOF: false } && result.Offset == record.Offset)
                {
                    return ToErrantRecord(result);
                }
                if (result is { IsPartitionEOF: false } && result.Offset > record.Offset)
                {
                    break;
                }
            }
        }
        catch (ConsumeException)
        {
            // Gone (retention) or unreadable: the coordinates alone still say which record it was.
        }
        finally
        {
            reader.Unassign();
        }
        return new ErrantRecord
        {
            Topic = record.Topic,
            Partition = record.Partition,
            Offset = record.Offset,
        };
    }
}
