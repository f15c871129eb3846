using KConnector.Distributed;
using KConnector.IntegrationTests.Reliability;

namespace KConnector.IntegrationTests.Distributed;

/// <summary>A distributed worker process and its own account of what it runs ("UNITS a,b" lines).</summary>
internal sealed class DistributedProcess(WorkerProcess process)
{
    public WorkerProcess Process { get; } = process;

    public string Id =>
        Process.Output.FirstOrDefault(l => l.StartsWith("WORKER ", StringComparison.Ordinal))?[7..]
        ?? string.Empty;

    public List<string> UnitLines =>
        [.. Process.Output.Where(l => l.StartsWith("UNITS", StringComparison.Ordinal))];

    /// <summary>What it runs now (by its last account); nothing once it has exited.</summary>
    public IReadOnlySet<WorkUnit> Units =>
        Process.HasExited ? new HashSet<WorkUnit>()
        : UnitLines.LastOrDefault() is { } line ? Parse(line)
        : new HashSet<WorkUnit>();

    public static HashSet<WorkUnit> Parse(string line) =>
        [.. line[5..].Trim().Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Unit)];

    // "seq-source" is a connector; "seq-source-2" its task 2.
    private static WorkUnit Unit(string text)
    {
        var dash = text.LastIndexOf('-');
        return int.TryParse(text[(dash + 1)..], out var id)
            ? new WorkUnit(text[..dash], id)
            : new WorkUnit(text, null);
    }
}
