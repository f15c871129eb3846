using Confluent.Kafka;
using KConnector.Records;

namespace KConnector.Worker;

// The batch being read and put: one entry per consumed record. Entries are reused from batch to
// batch (max.poll.records of them at most), so a record costs no object of the runner's own beside
// its SinkRecord (docs/benchmarks.md, "Session 12"); an entry lets go of its record when its batch
// ends, so nothing read stays reachable from the runner after it.
public sealed partial class SinkTaskRunner<TKey, TValue>
{
    private readonly List<Entry> _entries = [];
    private readonly List<Entry> _spareEntries = [];
    private int _entriesInUse;

    private Entry NextEntry(ConsumeResult<byte[]?, byte[]?> raw, SinkPartition? partition)
    {
        if (_entriesInUse == _spareEntries.Count)
        {
            _spareEntries.Add(new Entry());
        }
        var entry = _spareEntries[_entriesInUse++];
        entry.Start(raw, partition);
        return entry;
    }

    private void ClearEntries()
    {
        for (var i = 0; i < _entriesInUse; i++)
        {
            _spareEntries[i].Start(null!, null);
        }
        _entriesInUse = 0;
        _entries.Clear();
    }

    // Every record of a put's batch is written but the rejected ones (most puts reject none).
    private void MarkWritten(
        int count,
        IReadOnlyList<Tasks.RecordRejection> rejections,
        List<int> positions,
        List<int> pending
    )
    {
        var rejected = rejections.Count == 0 ? null : rejections.Select(r => r.Index).ToHashSet();
        for (var index = 0; index < count; index++)
        {
            if (rejected is null || !rejected.Contains(index))
            {
                _entries[positions[pending[index]]].Handled = true;
            }
        }
    }

    private sealed class Entry
    {
        public ConsumeResult<byte[]?, byte[]?> Raw { get; private set; } = null!;

        // The record's partition as assigned when it was read; null if it was not assigned.
        public SinkPartition? Partition { get; private set; }

        public SinkRecord<TKey, TValue>? Record { get; set; }

        public bool Handled { get; set; }

        public void Start(ConsumeResult<byte[]?, byte[]?> raw, SinkPartition? partition)
        {
            Raw = raw;
            Partition = partition;
            Record = null;
            Handled = false;
        }
    }
}
