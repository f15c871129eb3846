namespace KConnector.Distributed;

/// <summary>
/// The leader's assignment, after Kafka Connect's <c>IncrementalCooperativeAssignor</c> (KIP-415):
/// a unit stays where it runs; a departed worker's units wait <c>scheduled.rebalance.max.delay.ms</c>
/// for it to come back, then go to the least loaded workers; a joining worker gets the surplus of
/// the others, taken in two steps (revoked first, given once the old owner said it stopped them).
/// Connectors and tasks are balanced apart, as Connect does. Pure: the same inputs give the same
/// answer on every worker.
/// </summary>
public static class IncrementalAssignor
{
    /// <summary>The next assignment.</summary>
    /// <param name="previous">The latest assignment.</param>
    /// <param name="members">The live workers (Kafka's group decides who they are).</param>
    /// <param name="units">Every connector and task that should run.</param>
    /// <param name="released">Whether a revoked unit's old owner said it stopped it.</param>
    /// <param name="now">The leader's clock, in Unix milliseconds.</param>
    /// <param name="delay"><c>scheduled.rebalance.max.delay.ms</c>.</param>
    public static ClusterAssignment Assign(
        ClusterAssignment previous,
        IReadOnlyCollection<string> members,
        IReadOnlyCollection<WorkUnit> units,
        Func<WorkUnit, RevokedUnit, bool> released,
        long now,
        TimeSpan delay
    )
    {
        ArgumentNullException.ThrowIfNull(previous);
        ArgumentNullException.ThrowIfNull(released);
        var wanted = units.ToHashSet();
        var live = members.ToHashSet(StringComparer.Ordinal);
        var generation = previous.Generation + 1;
        var owners = new SortedDictionary<string, List<WorkUnit>>(StringComparer.Ordinal);
        foreach (var member in live)
        {
            owners[member] = [];
        }
        var departed = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (worker, previouslyHeld) in previous.Owners)
        {
            var kept = previouslyHeld.Where(wanted.Contains).ToList();
            if (live.Contains(worker))
            {
                owners[worker].AddRange(kept);
                continue;
            }
            // A departed worker keeps its units (nobody runs them) until the delay is over.
            var since = previous.DepartedAt.GetValueOrDefault(worker, now);
            if (now - since < (long)delay.TotalMilliseconds && kept.Count > 0)
            {
                departed[worker] = since;
                owners[worker] = kept;
            }
        }
        var revoked = new Dictionary<WorkUnit, RevokedUnit>();
        foreach (var (unit, from) in previous.Revoked)
        {
            if (wanted.Contains(unit) && live.Contains(from.From) && !released(unit, from))
            {
                revoked[unit] = from;
            }
        }
        var held = owners.Values.SelectMany(u => u).ToHashSet();
        var free = wanted.Where(u => !held.Contains(u) && !revoked.ContainsKey(u)).Order().ToList();
        if (live.Count > 0)
        {
            Balance(
                owners,
                live,
                free.Where(u => u.IsConnector).ToList(),
                revoked,
                generation,
                connectors: true
            );
            Balance(
                owners,
                live,
                free.Where(u => !u.IsConnector).ToList(),
                revoked,
                generation,
                connectors: false
            );
        }
        return new ClusterAssignment(
            generation,
            owners
                .Where(o => o.Value.Count > 0 || live.Contains(o.Key))
                .ToDictionary(
                    o => o.Key,
                    o => (IReadOnlyList<WorkUnit>)[.. o.Value.Order()],
                    StringComparer.Ordinal
                ),
            revoked,
            departed
        );
    }

    // Free units go to the least loaded live worker; then, while the loads (counting the revoked
    // units as already given to the least loaded) differ by more than one, the most loaded worker's
    // last unit is revoked. Only the surplus moves.
    private static void Balance(
        SortedDictionary<string, List<WorkUnit>> owners,
        HashSet<string> live,
        List<WorkUnit> free,
        Dictionary<WorkUnit, RevokedUnit> revoked,
        long generation,
        bool connectors
    )
    {
        int Load(string worker) => owners[worker].Count(u => u.IsConnector == connectors);
        string Least(Dictionary<string, int> loads) =>
            loads.OrderBy(l => l.Value).ThenBy(l => l.Key, StringComparer.Ordinal).First().Key;
        foreach (var unit in free)
        {
            var least = live.OrderBy(Load).ThenBy(w => w, StringComparer.Ordinal).First();
            owners[least].Add(unit);
        }
        var projected = live.ToDictionary(w => w, Load, StringComparer.Ordinal);
        foreach (var _ in revoked.Keys.Where(u => u.IsConnector == connectors))
        {
            projected[Least(projected)]++;
        }
        // Bounded: each turn revokes one unit of the most loaded worker.
        while (true)
        {
            var most = projected
                .OrderByDescending(l => l.Value)
                .ThenBy(l => l.Key, StringComparer.Ordinal)
                .First();
            var least = Least(projected);
            if (most.Value - projected[least] <= 1)
            {
                return;
            }
            var unit = owners[most.Key].Where(u => u.IsConnector == connectors).Max()!;
            owners[most.Key].Remove(unit);
            revoked[unit] = new RevokedUnit(most.Key, generation);
            projected[most.Key]--;
            projected[least]++;
        }
    }
}
