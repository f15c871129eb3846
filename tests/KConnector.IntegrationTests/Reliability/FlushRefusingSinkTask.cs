using KConnector.Connectors.Errors;
using KConnector.Records;
using KConnector.Tasks;

namespace KConnector.IntegrationTests.Reliability;

/// <summary>
/// A sink that writes only in its flush (as a sink that buffers across puts does) and names there
/// the records its target refused, with a <see cref="SinkRecordsFailedException"/>: every other
/// record of the flush is written.
/// </summary>
internal sealed class FlushRefusingSinkTask(Func<string, bool> refused) : ISinkTask<string, string>
{
    private readonly Lock _gate = new();
    private readonly List<SinkRecord<string, string>> _pending = [];
    private readonly List<string> _durable = [];

    /// <summary>The values written, in order.</summary>
    public IReadOnlyList<string> Durable
    {
        get
        {
            lock (_gate)
            {
                return [.. _durable];
            }
        }
    }

    public ValueTask PutAsync(
        IReadOnlyList<SinkRecord<string, string>> records,
        CancellationToken cancellationToken
    )
    {
        lock (_gate)
        {
            _pending.AddRange(records);
        }
        return ValueTask.CompletedTask;
    }

    public ValueTask FlushAsync(CancellationToken cancellationToken)
    {
        var failed = new List<FailedRecord>();
        lock (_gate)
        {
            foreach (var record in _pending)
            {
                if (refused(record.Value!))
                {
                    failed.Add(
                        new FailedRecord(
                            record.Topic,
                            record.Partition,
                            record.Offset,
                            $"the target refused {record.Value} at flush"
                        )
                    );
                    continue;
                }
                _durable.Add(record.Value!);
            }
            _pending.Clear();
        }
        SinkRecordsFailedException.ThrowIfAny("flush-refusing sink", failed, failed.Count);
        return ValueTask.CompletedTask;
    }
}
