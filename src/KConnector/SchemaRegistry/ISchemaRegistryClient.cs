namespace KConnector.SchemaRegistry;

/// <summary>
/// The parts of Confluent's Schema Registry API that converters need
/// (<see href="https://docs.confluent.io/platform/current/schema-registry/develop/api.html"/>).
/// Implementations: <see cref="CachedSchemaRegistryClient"/> (REST, with caches) and
/// <see cref="MockSchemaRegistryClient"/> (<c>mock://scope</c>, in memory).
/// </summary>
public interface ISchemaRegistryClient
{
    /// <summary>Registers an Avro schema under <paramref name="subject"/> (or finds it) and returns its id.</summary>
    ValueTask<int> RegisterSchemaAsync(
        string subject,
        string schema,
        CancellationToken cancellationToken
    );

    /// <summary>Registers <paramref name="schema"/> under <paramref name="subject"/> (or finds it) and returns its id
    /// (<c>POST /subjects/{subject}/versions</c>).</summary>
    ValueTask<int> RegisterSchemaAsync(
        string subject,
        Schema schema,
        CancellationToken cancellationToken
    );

    /// <summary>Returns the schema text registered with <paramref name="id"/>.</summary>
    ValueTask<string> GetSchemaAsync(int id, CancellationToken cancellationToken);

    /// <summary>Returns the schema registered with <paramref name="id"/> (<c>GET /schemas/ids/{id}</c>).</summary>
    ValueTask<Schema> GetSchemaByIdAsync(int id, CancellationToken cancellationToken);

    /// <summary>Finds <paramref name="schema"/> among <paramref name="subject"/>'s versions without registering it
    /// (<c>POST /subjects/{subject}</c>); a <see cref="SchemaRegistryException"/> with status 404 when absent.</summary>
    ValueTask<RegisteredSchema> LookupSchemaAsync(
        string subject,
        Schema schema,
        CancellationToken cancellationToken
    );

    /// <summary>Returns the latest version of <paramref name="subject"/> (<c>GET /subjects/{subject}/versions/latest</c>).</summary>
    ValueTask<RegisteredSchema> GetLatestSchemaAsync(
        string subject,
        CancellationToken cancellationToken
    );

    /// <summary>Returns version <paramref name="version"/> of <paramref name="subject"/>
    /// (<c>GET /subjects/{subject}/versions/{version}</c>).</summary>
    ValueTask<RegisteredSchema> GetSchemaBySubjectAndVersionAsync(
        string subject,
        int version,
        CancellationToken cancellationToken
    );

    /// <summary>Lists the versions registered under <paramref name="subject"/> (<c>GET /subjects/{subject}/versions</c>).</summary>
    ValueTask<IReadOnlyList<int>> GetSubjectVersionsAsync(
        string subject,
        CancellationToken cancellationToken
    );

    /// <summary>Tests <paramref name="schema"/> against the latest version of <paramref name="subject"/>
    /// under the subject's compatibility level (<c>POST /compatibility/subjects/{subject}/versions/latest</c>).</summary>
    ValueTask<bool> IsCompatibleAsync(
        string subject,
        Schema schema,
        CancellationToken cancellationToken
    );
}
