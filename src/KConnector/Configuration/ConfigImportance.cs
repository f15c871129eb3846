namespace KConnector.Configuration;

/// <summary>How much a config key matters to a user, as Kafka's <c>ConfigDef.Importance</c>.</summary>
public enum ConfigImportance
{
    /// <summary>Most users set or read this key.</summary>
    High,

    /// <summary>Some users set this key.</summary>
    Medium,

    /// <summary>Rarely changed.</summary>
    Low,
}
