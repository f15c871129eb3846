using System.Collections.Concurrent;

namespace KConnector.SchemaRegistry;

/// <summary>
/// The in-memory registry behind <c>schema.registry.url=mock://scope</c> (Confluent's clients'
/// convention): every client of the same scope in a process sees the same schemas and ids.
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
    )
    {
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
    public ValueTask<string> GetSchemaAsync(int id, CancellationToken cancellationToken)
    {
        lock (_scope)
        {
            return _scope.SchemaById.TryGetValue(id, out var schema)
                ? ValueTask.FromResult(schema)
                : throw new SchemaRegistryException(
                    $"Schema id {id} is not registered in this mock registry."
                );
        }
    }

    /// <summary>Forgets every schema of <paramref name="scope"/> (tests use a fresh scope instead where they can).</summary>
    public static void DropScope(string scope) => Scopes.TryRemove(scope, out _);

    private sealed class Scope
    {
        public Dictionary<string, int> IdBySchema { get; } = new(StringComparer.Ordinal);

        public Dictionary<int, string> SchemaById { get; } = [];

        public Dictionary<string, List<int>> Subjects { get; } = new(StringComparer.Ordinal);
    }
}
