namespace KConnector.Offsets;

/// <summary>
/// Source records handed to the producer and not yet committed, per source partition, in the order
/// they were submitted, as Kafka Connect's <c>SubmittedRecords</c>: an offset becomes committable
/// only once it and every record submitted before it for the same source partition have been
/// acknowledged (or dead-lettered). Acknowledgements arrive on the producer's thread; everything is
/// under one lock.
/// </summary>
internal sealed class SubmittedRecords
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Queue<Submitted>> _pending = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _committable = new(StringComparer.Ordinal);
    private long _outstanding;

    /// <summary>Records submitted and not yet acknowledged.</summary>
    public long Outstanding => Interlocked.Read(ref _outstanding);

    /// <summary>Registers a record for <paramref name="key"/> (its offset-store key) with its offset text.</summary>
    public Submitted Submit(string key, string offset)
    {
        var submitted = new Submitted(key, offset);
        lock (_gate)
        {
            if (!_pending.TryGetValue(key, out var queue))
            {
                _pending[key] = queue = new Queue<Submitted>();
            }
            queue.Enqueue(submitted);
        }
        Interlocked.Increment(ref _outstanding);
        return submitted;
    }

    /// <summary>Marks <paramref name="submitted"/> acknowledged; advances its partition's committable offset.</summary>
    public void Acknowledge(Submitted submitted)
    {
        lock (_gate)
        {
            if (submitted.Acknowledged)
            {
                return;
            }
            submitted.Acknowledged = true;
            var queue = _pending[submitted.Key];
            while (queue.Count > 0 && queue.Peek().Acknowledged)
            {
                _committable[submitted.Key] = queue.Dequeue().Offset;
            }
        }
        Interlocked.Decrement(ref _outstanding);
    }

    /// <summary>Takes the offsets that became committable since the last call.</summary>
    public List<KeyValuePair<string, string>> TakeCommittable()
    {
        lock (_gate)
        {
            var taken = _committable.ToList();
            _committable.Clear();
            return taken;
        }
    }

    /// <summary>Puts back offsets whose commit failed, unless newer ones arrived meanwhile.</summary>
    public void Restore(IEnumerable<KeyValuePair<string, string>> offsets)
    {
        lock (_gate)
        {
            foreach (var (key, offset) in offsets)
            {
                _committable.TryAdd(key, offset);
            }
        }
    }

    /// <summary>One submitted record.</summary>
    internal sealed class Submitted(string key, string offset)
    {
        public string Key { get; } = key;

        public string Offset { get; } = offset;

        public bool Acknowledged { get; set; }
    }
}
