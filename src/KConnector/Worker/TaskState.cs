namespace KConnector.Worker;

/// <summary>A task's or connector's state, with Kafka Connect's names (<c>AbstractStatus.State</c>).</summary>
public enum TaskState
{
    /// <summary>Not running: not started yet, or stopped cleanly.</summary>
    UNASSIGNED,

    /// <summary>Running.</summary>
    RUNNING,

    /// <summary>Paused: not polling or putting; offsets of finished work are still committed.</summary>
    PAUSED,

    /// <summary>Stopped by an error; see the failure's cause.</summary>
    FAILED,
}
