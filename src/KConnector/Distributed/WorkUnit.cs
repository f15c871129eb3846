using System.Globalization;

namespace KConnector.Distributed;

/// <summary>
/// What the group assigns to one worker: a connector (<see cref="Task"/> null: its status, its
/// task configs) or one of its tasks, as Kafka Connect's assignment lists connectors and
/// <c>ConnectorTaskId</c>s.
/// </summary>
public sealed record WorkUnit(string Connector, int? Task) : IComparable<WorkUnit>
{
    /// <summary>Whether this is a connector rather than a task.</summary>
    public bool IsConnector => Task is null;

    /// <summary>Connect's names: <c>name</c> for a connector, <c>name-N</c> for a task.</summary>
    public override string ToString() =>
        Task is { } id ? Connector + "-" + id.ToString(CultureInfo.InvariantCulture) : Connector;

    /// <inheritdoc/>
    public int CompareTo(WorkUnit? other)
    {
        if (other is null)
        {
            return 1;
        }
        var byName = string.CompareOrdinal(Connector, other.Connector);
        return byName != 0 ? byName : (Task ?? -1).CompareTo(other.Task ?? -1);
    }
}
