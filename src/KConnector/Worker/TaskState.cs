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

    /// <summary>
    /// A connector stopped on request (Kafka Connect 3.5+, KIP-875's <c>PUT /connectors/{name}/stop</c>):
    /// its tasks are shut down, its config is kept; its offsets may then be altered or reset.
    /// </summary>
    STOPPED,

    /// <summary>A task (or connector) being restarted: its old run is stopping and a new one will start.</summary>
    RESTARTING,
}
