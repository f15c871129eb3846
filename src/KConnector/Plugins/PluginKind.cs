namespace KConnector.Plugins;

/// <summary>
/// What a plugin is, as Kafka Connect's <c>PluginType</c> (<c>isolation/PluginType.java</c>) names
/// the kinds a worker loads: the REST API's <c>GET /connector-plugins</c> reports the same words.
/// </summary>
public enum PluginKind
{
    /// <summary>A source connector: polls a system and writes records to topics.</summary>
    Source,

    /// <summary>A sink connector: reads topics and writes records to a system.</summary>
    Sink,

    /// <summary>A converter (<c>key.converter</c>, <c>value.converter</c>).</summary>
    Converter,

    /// <summary>A header converter (<c>header.converter</c>).</summary>
    HeaderConverter,

    /// <summary>A single message transformation (<c>transforms</c>).</summary>
    Transformation,

    /// <summary>A predicate of a transformation (<c>predicates</c>).</summary>
    Predicate,

    /// <summary>A config provider (<c>config.providers</c>, <c>${provider:path:key}</c>).</summary>
    ConfigProvider,
}
