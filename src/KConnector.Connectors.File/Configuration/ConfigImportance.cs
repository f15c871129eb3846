namespace KConnector.Connectors.Configuration;

/// <summary>How much a user should care about a key, as Kafka Connect's <c>ConfigDef.Importance</c>.</summary>
public enum ConfigImportance
{
    /// <summary>Most users set it.</summary>
    High,

    /// <summary>Some users set it.</summary>
    Medium,

    /// <summary>Rarely changed.</summary>
    Low,
}
