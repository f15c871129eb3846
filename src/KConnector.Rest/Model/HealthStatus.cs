using System.Text.Json.Serialization;

namespace KConnector.Rest.Model;

/// <summary>
/// Beyond Kafka Connect: the body of <c>/health/live</c> and <c>/health/ready</c> (Kafka Connect
/// 3.9's <c>GET /health</c> answers <c>{"status": "healthy", "message": ...}</c> the same way).
/// </summary>
/// <param name="Status"><c>healthy</c> or <c>unhealthy</c>.</param>
/// <param name="Message">Why, naming the tasks that are not running.</param>
public sealed record HealthStatus(
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("message")] string Message
);
