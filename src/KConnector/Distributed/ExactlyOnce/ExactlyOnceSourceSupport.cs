namespace KConnector.Distributed.ExactlyOnce;

/// <summary>The worker's <c>exactly.once.source.support</c> (KIP-618).</summary>
public enum ExactlyOnceSourceSupport
{
    /// <summary><c>disabled</c> (the default): source tasks produce as without KIP-618.</summary>
    Disabled,

    /// <summary>
    /// <c>preparing</c>: the step of a rolling upgrade; tasks still produce without transactions,
    /// the leader already fences a connector's previous task generation before a new one starts.
    /// </summary>
    Preparing,

    /// <summary><c>enabled</c>: each source task writes its records and source offsets in Kafka transactions.</summary>
    Enabled,
}
