namespace KConnector.Distributed.ExactlyOnce;

/// <summary>A source connector's <c>exactly.once.support</c> (Kafka Connect's <c>ExactlyOnceSupportLevel</c>).</summary>
public enum ExactlyOnceSupportLevel
{
    /// <summary><c>requested</c> (the default): no preflight check; the worker's transactions are used when enabled.</summary>
    Requested,

    /// <summary><c>required</c>: the connector is refused unless the worker and the connector can give exactly-once delivery.</summary>
    Required,
}
