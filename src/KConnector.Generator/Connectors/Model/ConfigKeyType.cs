namespace KConnector.Generator.Connectors;

/// <summary>The generator's mirror of the runtime's <c>ConfigType</c> (Kafka's <c>ConfigDef.Type</c>); names match.</summary>
internal enum ConfigKeyType
{
    Boolean,
    Int,
    Long,
    Double,
    String,
    List,
    Password,
}
