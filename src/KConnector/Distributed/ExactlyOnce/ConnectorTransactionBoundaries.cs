namespace KConnector.Distributed.ExactlyOnce;

/// <summary>
/// Whether a source connector can define its own transaction boundaries for a given config (Kafka
/// Connect's <c>org.apache.kafka.connect.source.ConnectorTransactionBoundaries</c>, returned by
/// <c>SourceConnector.canDefineTransactionBoundaries</c>). A connector's descriptor declares it with a
/// <c>public static ConnectorTransactionBoundaries CanDefineTransactionBoundaries(IReadOnlyDictionary&lt;string, string?&gt; config)</c>
/// method, carried by its generated <c>Definition</c>
/// (<see cref="Configuration.ConfigDefinition.CanDefineTransactionBoundaries"/>); a descriptor
/// without one is <see cref="Unsupported"/>, as Connect's default is.
/// </summary>
public enum ConnectorTransactionBoundaries
{
    /// <summary>
    /// With this config, the connector's tasks commit and abort transactions through their
    /// <c>TransactionContext</c>: <c>transaction.boundary=connector</c> is accepted.
    /// </summary>
    Supported,

    /// <summary>With this config they cannot: <c>transaction.boundary=connector</c> is refused.</summary>
    Unsupported,
}
