namespace KConnector.Connectors.Configuration;

/// <summary>The type of a config value, named as Kafka Connect's <c>ConfigDef.Type</c>.</summary>
public enum ConfigType
{
    /// <summary>Text.</summary>
    String,

    /// <summary>A 32-bit integer.</summary>
    Int,

    /// <summary>A 64-bit integer.</summary>
    Long,

    /// <summary>true or false.</summary>
    Boolean,

    /// <summary>A comma-separated list.</summary>
    List,

    /// <summary>A secret: parsed as text, never logged or shown.</summary>
    Password,
}
