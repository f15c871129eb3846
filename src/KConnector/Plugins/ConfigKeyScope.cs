namespace KConnector.Plugins;

/// <summary>Which configs a framework key set belongs to (<see cref="ConfigKeySetAttribute"/>).</summary>
public enum ConfigKeyScope
{
    /// <summary>Every connector's config (Kafka Connect's <c>ConnectorConfig</c>).</summary>
    Connector,

    /// <summary>A sink connector's config (<c>SinkConnectorConfig</c>).</summary>
    SinkConnector,

    /// <summary>A source connector's config (<c>SourceConnectorConfig</c>).</summary>
    SourceConnector,

    /// <summary>
    /// The worker's config (<c>WorkerConfig</c>, <c>StandaloneConfig</c>): not a connector's, except
    /// the keys a spec may carry because a spec is the whole program.
    /// </summary>
    Worker,

    /// <summary>KConnector's build-time keys of a spec (<c>key.schema</c>, <c>value.schema</c>): they pick generated types and never reach a running worker.</summary>
    BuildTime,
}
