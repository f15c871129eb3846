using KConnector.Errors;
using KConnector.Records;
using KConnector.Tasks;

namespace KConnector.IntegrationTests.Reliability;

/// <summary>
/// A sink target that keeps what it is given: put records are pending until a flush makes them
/// durable (as a database transaction would). It can fail retriably until a point in time, and
/// reject single records.
/// </summary>
internal sealed class CollectingSinkTask : ISinkTask<string, string>
{
    private readonly Lock _gate = new();
    private readonly List<string> _pending = [];
    private readonly List<string> _durable = [];

    public DateTime FailRetriablyUntil { get; set; }

    public Func<SinkRecord<string, string>, Exception?>? Reject { get; init; }

    public int RetriableFailures { get; private set; }

    /// <summary>How long each put takes, to slow the stream down enough to stop it midway.</summary>
    public TimeSpan PutDelay { get; init; }

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

    public int DurableCount
    {
        get
        {
            lock (_gate)
            {
                return _durable.Count;
            }
        }
    }

    public ValueTask PutAsync(
        IReadOnlyList<SinkRecord<string, string>> records,
        CancellationToken cancellationToken
    ) => throw new InvalidOperationException("The worker calls TryPutAsync.");

    public async ValueTask<PutResult> TryPutAsync(
        IReadOnlyList<SinkRecord<string, string>> records,
        CancellationToken cancellationToken
    )
    {
        if (PutDelay > TimeSpan.Zero)
        {
            await Task.Delay(PutDelay, CancellationToken.None);
        }
        if (DateTime.UtcNow < FailRetriablyUntil)
        {
            RetriableFailures++;
            throw new RetriableException("The target is down for a while.");
        }
        var rejections = new List<RecordRejection>();
        lock (_gate)
        {
            for (var i = 0; i < records.Count; i++)
            {
                if (Reject?.Invoke(records[i]) is { } error)
                {
                    rejections.Add(new RecordRejection(i, error));
                    continue;
                }
                _pending.Add(records[i].Value!);
            }
        }
        return PutResult.Reject(rejections);
    }

    public ValueTask FlushAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _durable.AddRange(_pending);
            _pending.Clear();
        }
        return ValueTask.CompletedTask;
    }
}
