namespace KConnector.Offsets;

/// <summary>
/// Compares source partitions by content (same keys and values, in any order), so that the worker
/// can group records by source partition without serializing each one: the JSON key of a partition
/// is built only when its offset is committed.
/// </summary>
internal sealed class SourcePartitionComparer
    : IEqualityComparer<IReadOnlyDictionary<string, string>>
{
    public static SourcePartitionComparer Instance { get; } = new();

    public bool Equals(
        IReadOnlyDictionary<string, string>? x,
        IReadOnlyDictionary<string, string>? y
    )
    {
        if (ReferenceEquals(x, y))
        {
            return true;
        }
        if (x is null || y is null || x.Count != y.Count)
        {
            return false;
        }
        foreach (var (key, value) in x)
        {
            if (
                !y.TryGetValue(key, out var other)
                || !string.Equals(value, other, StringComparison.Ordinal)
            )
            {
                return false;
            }
        }
        return true;
    }

    public int GetHashCode(IReadOnlyDictionary<string, string> obj)
    {
        // Order-independent: XOR of the pairs' hashes.
        var hash = obj.Count;
        foreach (var (key, value) in obj)
        {
            hash ^= HashCode.Combine(
                StringComparer.Ordinal.GetHashCode(key),
                StringComparer.Ordinal.GetHashCode(value)
            );
        }
        return hash;
    }
}
