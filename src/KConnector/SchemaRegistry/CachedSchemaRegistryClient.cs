using System.Collections.Concurrent;

namespace KConnector.SchemaRegistry;

/// <summary>
/// Confluent's Schema Registry over REST, with the caches of Confluent's
/// <c>CachedSchemaRegistryClient</c>: schemas by id, ids by (subject, schema), lookups by
/// (subject, schema) and latest versions by subject (for <c>schema.registry.latest.cache.ttl.secs</c>).
/// A steady-state converter therefore sends no requests. Thread-safe.
/// </summary>
public sealed class CachedSchemaRegistryClient : ISchemaRegistryClient, IDisposable
{
    private readonly SchemaRegistryRestService _rest;
    private readonly int _maxCached;
    private readonly TimeSpan? _latestTtl;
    private readonly ConcurrentDictionary<int, Schema> _schemaById = new();
    private readonly ConcurrentDictionary<(string Subject, Schema Schema), int> _idBySchema = new();
    private readonly ConcurrentDictionary<
        (string Subject, Schema Schema),
        RegisteredSchema
    > _lookups = new();
    private readonly ConcurrentDictionary<
        string,
        (RegisteredSchema Schema, DateTime Expires)
    > _latest = new(StringComparer.Ordinal);

    /// <summary>Creates a client from Confluent's config keys (see <see cref="SchemaRegistryConfig"/>).</summary>
    public CachedSchemaRegistryClient(IReadOnlyDictionary<string, string> config)
        : this(SchemaRegistryConfig.From(config), handler: null) { }

    /// <summary>Creates a client; <paramref name="handler"/> (optional) carries the HTTP requests.</summary>
    public CachedSchemaRegistryClient(SchemaRegistryConfig config, HttpMessageHandler? handler)
    {
        ArgumentNullException.ThrowIfNull(config);
        if (config.MockScope is not null || config.Urls.Count == 0)
        {
            throw new ArgumentException(
                $"'{SchemaRegistryConfig.UrlKey}' names a mock:// registry; use SchemaRegistryClientFactory.Create or MockSchemaRegistryClient."
            );
        }
        _rest = new SchemaRegistryRestService(config, handler);
        _maxCached = config.MaxCachedSchemas;
        _latestTtl = config.LatestCacheTtl;
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
        return _idBySchema.TryGetValue((subject, schema), out var id)
            ? ValueTask.FromResult(id)
            : new ValueTask<int>(RegisterUncachedAsync(subject, schema, cancellationToken));
    }

    /// <inheritdoc />
    public async ValueTask<string> GetSchemaAsync(int id, CancellationToken cancellationToken) =>
        (await GetSchemaByIdAsync(id, cancellationToken).ConfigureAwait(false)).SchemaString;

    /// <inheritdoc />
    public ValueTask<Schema> GetSchemaByIdAsync(int id, CancellationToken cancellationToken) =>
        _schemaById.TryGetValue(id, out var schema)
            ? ValueTask.FromResult(schema)
            : new ValueTask<Schema>(GetByIdUncachedAsync(id, cancellationToken));

    /// <inheritdoc />
    public async ValueTask<RegisteredSchema> LookupSchemaAsync(
        string subject,
        Schema schema,
        CancellationToken cancellationToken
    )
    {
        if (_lookups.TryGetValue((subject, schema), out var found))
        {
            return found;
        }
        found = await _rest.LookupAsync(subject, schema, cancellationToken).ConfigureAwait(false);
        Add(_lookups, (subject, schema), found);
        Add(_idBySchema, (subject, schema), found.Id);
        Add(_schemaById, found.Id, found.Schema);
        return found;
    }

    /// <inheritdoc />
    public async ValueTask<RegisteredSchema> GetLatestSchemaAsync(
        string subject,
        CancellationToken cancellationToken
    )
    {
        if (_latest.TryGetValue(subject, out var cached) && DateTime.UtcNow < cached.Expires)
        {
            return cached.Schema;
        }
        var latest = await _rest
            .GetVersionAsync(subject, "latest", cancellationToken)
            .ConfigureAwait(false);
        var expires = _latestTtl is { } ttl ? DateTime.UtcNow + ttl : DateTime.MaxValue;
        Add(_latest, subject, (latest, expires));
        Add(_schemaById, latest.Id, latest.Schema);
        return latest;
    }

    /// <inheritdoc />
    public async ValueTask<RegisteredSchema> GetSchemaBySubjectAndVersionAsync(
        string subject,
        int version,
        CancellationToken cancellationToken
    )
    {
        var found = await _rest
            .GetVersionAsync(
                subject,
                version.ToString(System.Globalization.CultureInfo.InvariantCulture),
                cancellationToken
            )
            .ConfigureAwait(false);
        Add(_schemaById, found.Id, found.Schema);
        return found;
    }

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<int>> GetSubjectVersionsAsync(
        string subject,
        CancellationToken cancellationToken
    ) => await _rest.GetVersionsAsync(subject, cancellationToken).ConfigureAwait(false);

    /// <inheritdoc />
    public async ValueTask<bool> IsCompatibleAsync(
        string subject,
        Schema schema,
        CancellationToken cancellationToken
    ) => await _rest.IsCompatibleAsync(subject, schema, cancellationToken).ConfigureAwait(false);

    /// <summary>Releases the HTTP client.</summary>
    public void Dispose() => _rest.Dispose();

    private async Task<int> RegisterUncachedAsync(
        string subject,
        Schema schema,
        CancellationToken cancellationToken
    )
    {
        var id = await _rest
            .RegisterAsync(subject, schema, cancellationToken)
            .ConfigureAwait(false);
        Add(_idBySchema, (subject, schema), id);
        Add(_schemaById, id, schema);
        return id;
    }

    private async Task<Schema> GetByIdUncachedAsync(int id, CancellationToken cancellationToken)
    {
        var schema = await _rest.GetByIdAsync(id, cancellationToken).ConfigureAwait(false);
        Add(_schemaById, id, schema);
        return schema;
    }

    // Confluent's client clears a cache that reaches schema.registry.max.cached.schemas.
    private void Add<TKey, TValue>(ConcurrentDictionary<TKey, TValue> cache, TKey key, TValue value)
        where TKey : notnull
    {
        if (cache.Count >= _maxCached)
        {
            cache.Clear();
        }
        cache[key] = value;
    }
}
