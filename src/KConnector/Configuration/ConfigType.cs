namespace KConnector.Configuration;

/// <summary>The type of a config value, as Kafka's <c>ConfigDef.Type</c>.</summary>
public enum ConfigType
{
    /// <summary><c>true</c> or <c>false</c>.</summary>
    Boolean,

    /// <summary>A 32-bit integer.</summary>
    Int,

    /// <summary>A 64-bit integer.</summary>
    Long,

    /// <summary>A double-precision number.</summary>
    Double,

    /// <summary>A string.</summary>
    String,

    /// <summary>A comma-separated list of strings.</summary>
    List,

    /// <summary>A secret string: shown as <c>[hidden]</c> in logs, errors and descriptions.</summary>
    Password,
}
