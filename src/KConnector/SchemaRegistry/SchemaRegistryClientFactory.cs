namespace KConnector.SchemaRegistry;

/// <summary>
/// Builds the client a <c>schema.registry.url</c> asks for: <c>mock://scope</c> gives the
/// in-memory <see cref="MockSchemaRegistryClient"/> shared by the scope; http(s) URLs give a
/// <see cref="CachedSchemaRegistryClient"/>.
/// </summary>
public static class SchemaRegistryClientFactory
{
    /// <summary>Creates a client from Confluent's config keys.</summary>
    /// <exception cref="ArgumentException">A key is missing or bad; the message names it.</exception>
    public static ISchemaRegistryClient Create(IReadOnlyDictionary<string, string> config)
    {
        var settings = SchemaRegistryConfig.From(config);
        return settings.MockScope is { } scope
            ? new MockSchemaRegistryClient(scope)
            : new CachedSchemaRegistryClient(settings, handler: null);
    }
}
