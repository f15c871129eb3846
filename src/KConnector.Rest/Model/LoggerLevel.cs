using System.Text.Json.Serialization;

namespace KConnector.Rest.Model;

/// <summary>A logger's level in <c>GET /admin/loggers</c> (KIP-495), and the body of <c>PUT /admin/loggers/{name}</c>.</summary>
/// <param name="Level">TRACE, DEBUG, INFO, WARN, ERROR, FATAL or OFF (log4j's names).</param>
/// <param name="LastModified">When the level was last set over REST (ms since the epoch); absent if never.</param>
public sealed record LoggerLevel(
    [property: JsonPropertyName("level")] string? Level,
    [property:
        JsonPropertyName("last_modified"),
        JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)
    ]
        long? LastModified
);
