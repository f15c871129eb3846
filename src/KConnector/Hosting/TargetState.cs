namespace KConnector.Hosting;

/// <summary>
/// The state a connector is asked to be in, as Kafka Connect's <c>TargetState</c> (and the
/// <c>initial_state</c> of <c>POST /connectors</c>, KIP-980): its tasks run, are paused, or are
/// shut down with the config kept.
/// </summary>
public enum TargetState
{
    /// <summary>The tasks run (Connect's <c>STARTED</c>; <c>RUNNING</c> in <c>initial_state</c>).</summary>
    STARTED,

    /// <summary>The tasks exist but neither poll nor put.</summary>
    PAUSED,

    /// <summary>The tasks are shut down; the config is kept and the offsets may be altered or reset.</summary>
    STOPPED,
}
