using System.Text.Json.Serialization;

namespace KConnector.Rest.Model;

/// <summary>Kafka Connect's <c>ConnectorTaskId</c>: a task named by its connector and number.</summary>
/// <param name="Connector">The connector's name.</param>
/// <param name="Task">The task's number.</param>
public sealed record ConnectorTaskId(
    [property: JsonPropertyName("connector")] string Connector,
    [property: JsonPropertyName("task")] int Task
);
