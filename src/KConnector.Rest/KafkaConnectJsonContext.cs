using System.Text.Json.Serialization;
using KConnector.Rest.Model;

namespace KConnector.Rest;

/// <summary>
/// The REST API's JSON, generated at build time (no reflection: trim- and AOT-safe). Kafka Connect
/// writes snake_case names, set on each property.
/// </summary>
[JsonSourceGenerationOptions(
    DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    WriteIndented = false,
    AllowTrailingCommas = true,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip
)]
[JsonSerializable(typeof(ErrorMessage))]
[JsonSerializable(typeof(ServerInfo))]
[JsonSerializable(typeof(CreateConnectorRequest))]
[JsonSerializable(typeof(Dictionary<string, System.Text.Json.JsonElement>))]
[JsonSerializable(typeof(ConnectorInfoResponse))]
[JsonSerializable(typeof(ConnectorStateInfo))]
[JsonSerializable(typeof(TaskStateInfo))]
[JsonSerializable(typeof(List<TaskInfo>))]
[JsonSerializable(typeof(List<string>))]
[JsonSerializable(typeof(Dictionary<string, string>))]
[JsonSerializable(typeof(Dictionary<string, ExpandedConnector>))]
[JsonSerializable(typeof(ConnectorOffsets))]
[JsonSerializable(typeof(MessageResponse))]
[JsonSerializable(typeof(Dictionary<string, ActiveTopics>))]
[JsonSerializable(typeof(List<PluginInfo>))]
[JsonSerializable(typeof(List<ConfigKeyInfo>))]
[JsonSerializable(typeof(ConfigInfos))]
[JsonSerializable(typeof(Dictionary<string, LoggerLevel>))]
[JsonSerializable(typeof(LoggerLevel))]
[JsonSerializable(typeof(HealthStatus))]
internal sealed partial class KafkaConnectJsonContext : JsonSerializerContext;
