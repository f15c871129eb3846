using KConnector.Records;

namespace KConnector.Tasks;

/// <summary>
/// How a source task defines its own transactions, as Kafka Connect's <c>TransactionContext</c>:
/// given (<see cref="SourceTaskContext.TransactionContext"/>) only with
/// <c>transaction.boundary=connector</c> on an exactly-once worker. A transaction stays open across
/// polls until the task asks to commit or abort it; the worker acts on a request after the batch
/// the task returned (the record variants: once that record has been dispatched, so the record is
/// in the transaction). An aborted transaction's records are dropped with their source offsets:
/// none of its offsets is ever committed, and the task is not asked for them again.
/// </summary>
public sealed class TransactionContext
{
    private readonly Lock _gate = new();
    private readonly Dictionary<object, TransactionRequest> _onRecord = new(
        ReferenceEqualityComparer.Instance
    );
    private TransactionRequest _onBatch;

    /// <summary>Commits the open transaction after the batch the task returns next (or is returning).</summary>
    public void CommitTransaction() => RequestBatch(TransactionRequest.Commit);

    /// <summary>Commits the transaction once <paramref name="record"/> (the same instance the task returns) has been dispatched.</summary>
    public void CommitTransaction<TKey, TValue>(SourceRecord<TKey, TValue> record) =>
        RequestRecord(record, TransactionRequest.Commit);

    /// <summary>Aborts the open transaction after the batch the task returns next: its records and their offsets are dropped.</summary>
    public void AbortTransaction() => RequestBatch(TransactionRequest.Abort);

    /// <summary>Aborts the transaction once <paramref name="record"/> has been dispatched: it and the transaction's earlier records are dropped with their offsets.</summary>
    public void AbortTransaction<TKey, TValue>(SourceRecord<TKey, TValue> record) =>
        RequestRecord(record, TransactionRequest.Abort);

    /// <summary>What the task asked for once <paramref name="record"/> is dispatched (the request is taken).</summary>
    internal TransactionRequest TakeFor(object record)
    {
        lock (_gate)
        {
            return _onRecord.Remove(record, out var request) ? request : TransactionRequest.None;
        }
    }

    /// <summary>What the task asked for after its batch (the request is taken).</summary>
    internal TransactionRequest TakeForBatch()
    {
        lock (_gate)
        {
            var request = _onBatch;
            _onBatch = TransactionRequest.None;
            return request;
        }
    }

    // Asking for both a commit and an abort of the same transaction is the task's bug: Connect
    // fails it (IllegalStateException); here the call that contradicts the first one throws.
    private void RequestBatch(TransactionRequest request)
    {
        lock (_gate)
        {
            _onBatch = Consistent(_onBatch, request, "the current batch");
        }
    }

    private void RequestRecord(object record, TransactionRequest request)
    {
        ArgumentNullException.ThrowIfNull(record);
        lock (_gate)
        {
            _onRecord[record] = Consistent(
                _onRecord.GetValueOrDefault(record),
                request,
                "this record"
            );
        }
    }

    private static TransactionRequest Consistent(
        TransactionRequest before,
        TransactionRequest request,
        string what
    ) =>
        before == TransactionRequest.None || before == request
            ? request
            : throw new InvalidOperationException(
                $"The task asked both to commit and to abort the transaction for {what}."
            );
}
