using KConnector.Plugins;

namespace KConnector.Configuration.Framework;

/// <summary>
/// KConnector's build-time keys of a spec: they pick the generated key and value types and never
/// reach a running worker (a compiled worker's types cannot change at run time).
/// </summary>
[ConfigKeySet(ConfigKeyScope.BuildTime)]
[ConfigKey(
    "key.schema",
    ConfigType.String,
    Default = "",
    Importance = ConfigImportance.High,
    Group = "Schemas",
    Documentation = "KConnector: path of the .avsc or .schema.json file, relative to the spec, whose generated type is the key type. Absent: string keys (byte[] under the ByteArrayConverter; schemaless JSON, KConnector.Json.SchemalessJson, beside a schemaless JSON value under the JsonConverter)."
)]
[ConfigKey(
    "value.schema",
    ConfigType.String,
    Default = "",
    Importance = ConfigImportance.High,
    Group = "Schemas",
    Documentation = "KConnector: path of the .avsc or .schema.json file, relative to the spec, whose generated type is the value type. Absent: string values (byte[] under the ByteArrayConverter; schemaless JSON, KConnector.Json.SchemalessJson, on a sink that writes values as JSON under the JsonConverter)."
)]
public static partial class BuildTimeConfigDefinition;
