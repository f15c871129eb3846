using System.Text.Json.Serialization;

namespace KConnector.Rest.Model;

/// <summary>Kafka Connect's error body (<c>ErrorMessage</c>): the HTTP status again and a message.</summary>
/// <param name="ErrorCode">The HTTP status code.</param>
/// <param name="Message">What went wrong, naming the connector or key; never a secret.</param>
public sealed record ErrorMessage(
    [property: JsonPropertyName("error_code")] int ErrorCode,
    [property: JsonPropertyName("message")] string Message
);
