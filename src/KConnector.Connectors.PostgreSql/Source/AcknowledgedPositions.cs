namespace KConnector.Connectors.PostgreSql.Source;

/// <summary>
/// Which log position the slot may be confirmed to: the end of the last transaction whose every
/// record Kafka acknowledged, and every record before it too. Records are acknowledged out of
/// order (one topic per table), so positions are kept in poll order and the confirmed one moves
/// only over an acknowledged prefix (Debezium confirms the LSN of committed offsets the same way).
/// Called from the poll loop and from the producer's delivery thread.
/// </summary>
internal sealed class AcknowledgedPositions
{
    private readonly object _lock = new();
    private readonly Queue<Pending> _order = new();
    private readonly Dictionary<object, Pending> _byRecord = new(
        ReferenceEqualityComparer.Instance
    );
    private ulong _confirmable;

    /// <summary>The end of a transaction: confirmable once everything before it is acknowledged.</summary>
    public void AddTransactionEnd(ulong endLsn)
    {
        lock (_lock)
        {
            _order.Enqueue(new Pending { Records = 0, EndLsn = endLsn });
            Advance();
        }
    }

    /// <summary>Records of one change, sent to Kafka (the change and its tombstone).</summary>
    public void AddRecords(IEnumerable<object> records)
    {
        lock (_lock)
        {
            var pending = new Pending();
            foreach (var record in records)
            {
                pending.Records++;
                _byRecord.Add(record, pending);
            }
            _order.Enqueue(pending);
        }
    }

    /// <summary>A record Kafka acknowledged (or the worker dropped on purpose: a filter, a dead-letter queue).</summary>
    public void Acknowledge(object record)
    {
        lock (_lock)
        {
            if (_byRecord.Remove(record, out var pending))
            {
                pending.Records--;
                Advance();
            }
        }
    }

    /// <summary>The LSN the slot may be confirmed to, 0 when none yet.</summary>
    public ulong Confirmable
    {
        get
        {
            lock (_lock)
            {
                return _confirmable;
            }
        }
    }

    private void Advance()
    {
        while (_order.TryPeek(out var head) && head.Records == 0)
        {
            _order.Dequeue();
            if (head.EndLsn is { } lsn)
            {
                _confirmable = lsn;
            }
        }
    }

    private sealed class Pending
    {
        public int Records;
        public ulong? EndLsn;
    }
}
