namespace KConnector.Testing.SchemaRegistry;

/// <summary>One request the test registry received.</summary>
public sealed record RegistryRequest(
    string Method,
    string Path,
    string? Authorization,
    string? ContentType,
    string? Accept,
    IReadOnlyDictionary<string, string> Headers,
    string Body
);
