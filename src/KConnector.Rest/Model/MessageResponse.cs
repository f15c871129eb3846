using System.Text.Json.Serialization;

namespace KConnector.Rest.Model;

/// <summary>Kafka Connect's <c>Message</c>: the answer to an offsets alteration or reset.</summary>
/// <param name="Message">What was done.</param>
public sealed record MessageResponse([property: JsonPropertyName("message")] string Message);
