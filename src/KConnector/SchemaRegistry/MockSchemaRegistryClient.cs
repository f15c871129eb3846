using System.Collections.Concurrent;
using System.Net;

namespace KConnector.SchemaRegistry;

/// <summary>
/// The in-memory registry behind <c>schema.registry.url=mock://scope</c> (Confluent's clients'
/// convention): every client of the same scope in a process sees the same schemas and ids. Ids are
/// global per scope (1, 2, ...; the same schema text and type get the same id under any subject),
/// versions count per subject, and every schema is compatible (Confluent's mock does not check
/// compatibility either). Missing subjects and schemas fail with the registry's 404 error codes
/// (40401, 40402, 40403).
/// </summary>
public sealed class MockSchemaRegistryClient : ISchemaRegistryClient
{
    private static readonly ConcurrentDictionary<string, Scope> Scopes = new(
        StringComparer.Ordinal
    );
    private readonly Scope _scope;

    /// <summary>Creates a client of <paramref name="scope"/> (the part after <c>mock://</c>).</summary>
    public MockSchemaRegistryClient(string scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        _scope = Scopes.GetOrAdd(scope, _ => new Scope());
    }

    /// <inheritdoc />
    public ValueTask<int> RegisterSchemaAsync(
        string subject,
        string schema,
        CancellationToken cancellationToken
    ) => RegisterSchemaAsync(subject, new Schema(schema, SchemaType.Avro), cancellationToken);

    /// <inheritdoc />
    public ValueTask<int> RegisterSchemaAsync(
        string subject,
        Schema schema,
        CancellationToken cancellationToken
    )
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(schema);
        lock (_scope)
        {
            if (!_scope.IdBySchema.TryGetValue(schema, out var id))
            {
                id = _scope.SchemaById.Count + 1;
                _scope.IdBySchema[schema] = id;
                _scope.SchemaById[id] = schema;
            }
            var versions = _scope.Subjects.TryGetValue(subject, out var list)
                ? list
                : _scope.Subjects[subject] = [];
            if (!versions.Contains(id))
            {
                versions.Add(id);
            }
            return ValueTask.FromResult(id);
        }
    }

    /// <inheritdoc />
    public async ValueTask<string> GetSchemaAsync(int id, CancellationToken cancellationToken) =>
        (await GetSchemaByIdAsync(id, cancellationToken).ConfigureAwait(false)).SchemaString;

    /// <inheritdoc />
    public ValueTask<Schema> GetSchemaByIdAsync(int id, CancellationToken cancellationToken)
    {
        lock (_scope)
        {
            return _scope.SchemaById.TryGetValue(id, out var schema)
                ? ValueTask.FromResult(schema)
                : throw NotFound(
                    40403,
                    $"Schema id {id} is not registered in this mock registry.",
                    null
                );
        }
    }

    /// <inheritdoc />
    public ValueTask<RegisteredSchema> LookupSchemaAsync(
        string subject,
        Schema schema,
        CancellationToken cancellationToken
    )
    {
        lock (_scope)
        {
            var versions = Versions(subject);
            var index = _scope.IdBySchema.TryGetValue(schema, out var id)
                ? versions.IndexOf(id)
                : -1;
            return index < 0
                ? throw NotFound(40403, $"Schema not found under subject '{subject}'.", subject)
                : ValueTask.FromResult(new RegisteredSchema(subject, index + 1, id, schema));
        }
    }

    /// <inheritdoc />
    public ValueTask<RegisteredSchema> GetLatestSchemaAsync(
        string subject,
        CancellationToken cancellationToken
    )
    {
        lock (_scope)
        {
            var versions = Versions(subject);
            return ValueTask.FromResult(At(subject, versions, versions.Count));
        }
    }

    /// <inheritdoc />
    public ValueTask<RegisteredSchema> GetSchemaBySubjectAndVersionAsync(
        string subject,
        int version,
        CancellationToken cancellationToken
    )
    {
        lock (_scope)
        {
            var versions = Versions(subject);
            return version < 1 || version > versions.Count
                ? throw NotFound(
                    40402,
                    $"Version {version} not found under subject '{subject}'.",
                    subject
                )
                : ValueTask.FromResult(At(subject, versions, version));
        }
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<int>> GetSubjectVersionsAsync(
        string subject,
        CancellationToken cancellationToken
    )
    {
        lock (_scope)
        {
            IReadOnlyList<int> versions = Enumerable.Range(1, Versions(subject).Count).ToArray();
            return ValueTask.FromResult(versions);
        }
    }

    /// <inheritdoc />
    public ValueTask<bool> IsCompatibleAsync(
        string subject,
        Schema schema,
        CancellationToken cancellationToken
    ) => ValueTask.FromResult(true);

    /// <summary>Forgets every schema of <paramref name="scope"/> (tests use a fresh scope instead where they can).</summary>
    public static void DropScope(string scope) => Scopes.TryRemove(scope, out _);

    private List<int> Versions(string subject) =>
        _scope.Subjects.TryGetValue(subject, out var versions)
            ? versions
            : throw NotFound(40401, $"Subject '{subject}' not found.", subject);

    private RegisteredSchema At(string subject, List<int> versions, int version) =>
        new(subject, version, versions[version - 1], _scope.SchemaById[versions[version - 1]]);

    private static SchemaRegistryException NotFound(
        int errorCode,
        string message,
        string? subject
    ) => new(message, HttpStatusCode.NotFound, errorCode, subject);

    private sealed class Scope
    {
        public Dictionary<Schema, int> IdBySchema { get; } = [];

        public Dictionary<int, Schema> SchemaById { get; } = [];

        public Dictionary<string, List<int>> Subjects { get; } = new(StringComparer.Ordinal);
    }
}
