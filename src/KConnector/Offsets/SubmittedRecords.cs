namespace KConnector.Offsets;

/// <summary>
/// Source records handed to the producer and not yet committed, per source partition, in the order
/// they were submitted, as Kafka Connect's <c>SubmittedRecords</c>: an offset becomes committable
/// only once it and every record submitted before it for the same source partition have been
/// acknowledged (or dead-lettered). Acknowledgements arrive on the producer's thread; everything is
/// under one lock. Offsets stay dictionaries until they are taken for a commit.
/// </summary>
internal sealed class SubmittedRecords
{
    private readonly Lock _gate = new();
    private readonly Dictionary<IReadOnlyDictionary<string, string>, Queue<Submitted>> _pending =
        new(SourcePartitionComparer.Instance);
    private readonly Dictionary<
        IReadOnlyDictionary<string, string>,
        IReadOnlyDictionary<string, string>
    > _committable = new(SourcePartitionComparer.Instance);
    private long _outstanding;

    /// <summary>Records submitted and not yet acknowledged.</summary>
    public long Outstanding => Interlocked.Read(ref _outstanding);

    /// <summary>Registers a record of source partition <paramref name="partition"/> with its offset.</summary>
    public Submitted Submit(
        IReadOnlyDictionary<string, string> partition,
        IReadOnlyDictionary<string, string> offset
    )
    {
        var submitted = new Submitted(partition, offset);
        lock (_gate)
        {
            if (!_pending.TryGetValue(partition, out var queue))
            {
                _pending[partition] = queue = new Queue<Submitted>();
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
            var queue = _pending[submitted.Partition];
            while (queue.Count > 0 && queue.Peek().Acknowledged)
            {
                var done = queue.Dequeue();
                _committable[done.Partition] = done.Offset;
            }
        }
        Interlocked.Decrement(ref _outstanding);
    }

    /// <summary>Takes the offsets that became committable since the last call, as offset-store key and value JSON.</summary>
    public List<KeyValuePair<string, string>> TakeCommittable(string connector)
    {
        List<
            KeyValuePair<IReadOnlyDictionary<string, string>, IReadOnlyDictionary<string, string>>
        > taken;
        lock (_gate)
        {
            taken = [.. _committable];
            _committable.Clear();
        }
        return taken.ConvertAll(kv =>
            KeyValuePair.Create(OffsetJson.Key(connector, kv.Key), OffsetJson.Map(kv.Value))
        );
    }

    /// <summary>Puts back offsets whose commit failed, unless newer ones arrived meanwhile.</summary>
    public void Restore(IEnumerable<KeyValuePair<string, string>> offsets)
    {
        lock (_gate)
        {
            foreach (var (key, offset) in offsets)
            {
                if (OffsetJson.ParseKey(key) is { } parsed)
                {
                    _committable.TryAdd(parsed.Partition, OffsetJson.ParseMap(offset));
                }
            }
        }
    }

    /// <summary>One submitted record.</summary>
    internal sealed class Submitted(
        IReadOnlyDictionary<string, string> partition,
        IReadOnlyDictionary<string, string> offset
    )
    {
        public IReadOnlyDictionary<string, string> Partition { get; } = partition;

        public IReadOnlyDictionary<string, string> Offset { get; } = offset;

        public bool Acknowledged { get; set; }
    }
}
