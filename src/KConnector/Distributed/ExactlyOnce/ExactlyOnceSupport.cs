namespace KConnector.Distributed.ExactlyOnce;

/// <summary>
/// What a source connector declares of its exactly-once support for a given config (Kafka Connect's
/// <c>org.apache.kafka.connect.source.ExactlyOnceSupport</c>, returned by
/// <c>SourceConnector.exactlyOnceSupport</c>). A connector's descriptor declares it with a
/// <c>public static ExactlyOnceSupport? ExactlyOnceSupport(IReadOnlyDictionary&lt;string, string?&gt; config)</c>
/// method, carried by its generated <c>Definition</c> (<see cref="Configuration.ConfigDefinition.ExactlyOnceSupport"/>);
/// a descriptor without one, or returning null, declares nothing, as Connect's default does.
/// </summary>
public enum ExactlyOnceSupport
{
    /// <summary>
    /// With this config, the connector's tasks can be given exactly-once delivery: their source
    /// offsets say exactly where to resume, so records and offsets written in one transaction are
    /// neither lost nor repeated. <c>exactly.once.support=required</c> is accepted.
    /// </summary>
    Supported,

    /// <summary>With this config it cannot: <c>exactly.once.support=required</c> is refused.</summary>
    Unsupported,
}
