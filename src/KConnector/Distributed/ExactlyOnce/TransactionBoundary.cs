namespace KConnector.Distributed.ExactlyOnce;

/// <summary>A source connector's <c>transaction.boundary</c> (Kafka Connect's <c>SourceTask.TransactionBoundary</c>).</summary>
public enum TransactionBoundary
{
    /// <summary><c>poll</c> (the default): one transaction per batch a poll returned.</summary>
    Poll,

    /// <summary><c>interval</c>: one transaction per <c>transaction.boundary.interval.ms</c>.</summary>
    Interval,

    /// <summary><c>connector</c>: the connector defines the boundaries (none of KConnector's can: refused).</summary>
    Connector,
}
