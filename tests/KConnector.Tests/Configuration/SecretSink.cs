using KConnector.Connectors;
using KConnector.Records;

namespace KConnector.Tests.Configuration;

/// <summary>An attribute sink with a secret config property, to show secrets never leak.</summary>
[SinkConnector("secret-test-sink", Topics = "secret-test")]
public sealed partial class SecretSink
{
    /// <summary>The secret.</summary>
    [ConfigProperty(
        "api.key",
        Secret = true,
        Required = true,
        Pattern = "[A-Za-z0-9-]{8,}",
        Doc = "The API key."
    )]
    public string ApiKey { get; set; } = string.Empty;

    /// <summary>A plain value beside it.</summary>
    [ConfigProperty("endpoint", Default = "https://example.invalid", Doc = "Where to send.")]
    public string Endpoint { get; set; } = string.Empty;

    /// <summary>Discards records.</summary>
    public ValueTask PutAsync(
        IReadOnlyList<SinkRecord<string, string>> records,
        CancellationToken cancellationToken
    ) => ValueTask.CompletedTask;
}
