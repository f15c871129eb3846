namespace KConnector.Offsets;

/// <summary>
/// Source records handed to the producer and not yet committed, per source partition, in the order
/// they were submitted, as Kafka Connect's <c>SubmittedRecords</c>: an offset becomes committable
/// only once it and every record submitted before it for the same source partition have been
/// acknowledged (or dead-lettered). Acknowledgements arrive on the producer's thread; everything is
/// under one lock. Offsets stay dictionaries until they are taken for a commit.
/// </summary>
/// <remarks>
/// A source partition is looked up once per record, at submit; each submitted record then carries
/// its partition's queue, so an acknowledgement (one per record, on the producer's thread) hashes
/// nothing. Tasks build a partition's map once and hand the same instance with every record (a
/// file's, a table's, a stream's): a small cache by reference finds it without hashing the map's
/// content (which enumerates the map through the interface, an allocation per call); a map seen
/// for the first time is looked up by content.
/// </remarks>
internal sealed class SubmittedRecords
{
    private readonly Lock _gate = new();
    private readonly Dictionary<IReadOnlyDictionary<string, string>, PartitionRecords> _partitions =
        new(SourcePartitionComparer.Instance);

    // Partitions whose committable offset moved since the last take, in the order they moved.
    private readonly List<PartitionRecords> _advanced = [];
    private readonly PartitionRecords?[] _byReference = new PartitionRecords?[ReferenceSlots];
    private long _outstanding;

    // A power of two: more slots than the source partitions a task usually interleaves.
    private const int ReferenceSlots = 64;

    /// <summary>Records submitted and not yet acknowledged.</summary>
    public long Outstanding => Interlocked.Read(ref _outstanding);

    /// <summary>Registers a record of source partition <paramref name="partition"/> with its offset.</summary>
    public Submitted Submit(
        IReadOnlyDictionary<string, string> partition,
        IReadOnlyDictionary<string, string> offset
    ) => Submit(new Submitted(), partition, offset);

    /// <summary>
    /// Registers <paramref name="entry"/> (an object the caller keeps per record anyway, so a
    /// record in flight costs one object, not two) as a record of source partition
    /// <paramref name="partition"/> with its offset.
    /// </summary>
    public T Submit<T>(
        T entry,
        IReadOnlyDictionary<string, string> partition,
        IReadOnlyDictionary<string, string> offset
    )
        where T : Submitted
    {
        lock (_gate)
        {
            var records = PartitionOf(partition);
            entry.Track(records, offset);
            records.Pending.Enqueue(entry);
        }
        Interlocked.Increment(ref _outstanding);
        return entry;
    }

    /// <summary>
    /// Marks <paramref name="submitted"/> acknowledged; advances its partition's committable
    /// offset. An entry never submitted (a record without a source offset) has nothing to advance.
    /// </summary>
    public void Acknowledge(Submitted submitted)
    {
        if (submitted.Records is not { } records)
        {
            return;
        }
        lock (_gate)
        {
            if (submitted.Acknowledged)
            {
                return;
            }
            submitted.Acknowledged = true;
            while (records.Pending.Count > 0 && records.Pending.Peek().Acknowledged)
            {
                Advance(records, records.Pending.Dequeue().Offset!);
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
            taken = _advanced.ConvertAll(records =>
                KeyValuePair.Create(records.Partition, records.Committable!)
            );
            foreach (var records in _advanced)
            {
                records.Committable = null;
            }
            _advanced.Clear();
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
                if (
                    OffsetJson.ParseKey(key) is { } parsed
                    && PartitionOf(parsed.Partition) is { Committable: null } records
                )
                {
                    Advance(records, OffsetJson.ParseMap(offset));
                }
            }
        }
    }

    private PartitionRecords PartitionOf(IReadOnlyDictionary<string, string> partition)
    {
        var slot =
            System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(partition)
            & (ReferenceSlots - 1);
        if (_byReference[slot] is { } cached && ReferenceEquals(cached.Seen, partition))
        {
            return cached;
        }
        if (!_partitions.TryGetValue(partition, out var records))
        {
            _partitions[partition] = records = new PartitionRecords(partition);
        }
        // The instance last seen for this partition: a task that makes a new map per record
        // replaces it each time, one that shares its map hits it from now on.
        records.Seen = partition;
        _byReference[slot] = records;
        return records;
    }

    private void Advance(PartitionRecords records, IReadOnlyDictionary<string, string> offset)
    {
        if (records.Committable is null)
        {
            _advanced.Add(records);
        }
        records.Committable = offset;
    }

    /// <summary>One source partition: its records in submit order, and the offset committable since the last take.</summary>
    internal sealed class PartitionRecords(IReadOnlyDictionary<string, string> partition)
    {
        public IReadOnlyDictionary<string, string> Partition { get; } = partition;

        public Queue<Submitted> Pending { get; } = new();

        public IReadOnlyDictionary<string, string>? Committable { get; set; }

        /// <summary>The map instance this partition was last submitted with (equal in content to <see cref="Partition"/>).</summary>
        public IReadOnlyDictionary<string, string> Seen { get; set; } = partition;
    }

    /// <summary>
    /// One record, submitted once <see cref="Submit{T}"/> has given it its partition and offset; a
    /// caller may derive its own per-record object from it.
    /// </summary>
    internal class Submitted
    {
        /// <summary>Its source partition's records; null until submitted.</summary>
        public PartitionRecords? Records { get; private set; }

        public IReadOnlyDictionary<string, string>? Offset { get; private set; }

        public bool Acknowledged { get; set; }

        internal void Track(PartitionRecords records, IReadOnlyDictionary<string, string> offset)
        {
            Records = records;
            Offset = offset;
        }
    }
}
