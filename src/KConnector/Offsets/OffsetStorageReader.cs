namespace KConnector.Offsets;

/// <summary>
/// What a source task reads its committed offsets through when it starts, as Kafka Connect's
/// <c>OffsetStorageReader</c>: the last offset committed for a source partition of this connector.
/// </summary>
public sealed class OffsetStorageReader
{
    private readonly IOffsetBackingStore _store;
    private readonly string _connector;

    /// <summary>Creates a reader of <paramref name="connector"/>'s offsets in <paramref name="store"/>.</summary>
    public OffsetStorageReader(IOffsetBackingStore store, string connector)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(connector);
        _store = store;
        _connector = connector;
    }

    /// <summary>The committed offset of <paramref name="partition"/>, or null when none was committed.</summary>
    public IReadOnlyDictionary<string, string>? Offset(
        IReadOnlyDictionary<string, string> partition
    )
    {
        var value = _store.Get(OffsetJson.Key(_connector, partition));
        return value is null ? null : OffsetJson.ParseMap(value);
    }

    /// <summary>The committed offsets of <paramref name="partitions"/>; partitions without one are left out.</summary>
    public IReadOnlyList<(
        IReadOnlyDictionary<string, string> Partition,
        IReadOnlyDictionary<string, string> Offset
    )> Offsets(IEnumerable<IReadOnlyDictionary<string, string>> partitions)
    {
        ArgumentNullException.ThrowIfNull(partitions);
        var found =
            new List<(IReadOnlyDictionary<string, string>, IReadOnlyDictionary<string, string>)>();
        foreach (var partition in partitions)
        {
            if (Offset(partition) is { } offset)
            {
                found.Add((partition, offset));
            }
        }
        return found;
    }
}
