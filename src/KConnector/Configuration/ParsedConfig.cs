namespace KConnector.Configuration;

/// <summary>
/// The outcome of <see cref="ConfigDefinition.Parse"/>: typed values of the known keys, the
/// resolved raw values of all keys (for pass-through such as <c>producer.override.*</c>), and every
/// issue. Generated config classes read their properties from it.
/// </summary>
public sealed class ParsedConfig
{
    private readonly IReadOnlyDictionary<string, object?> _typed;
    private readonly List<ConfigIssue> _issues;

    internal ParsedConfig(
        ConfigDefinition definition,
        IReadOnlyDictionary<string, object?> typed,
        IReadOnlyDictionary<string, string?> originals,
        IReadOnlyList<ConfigIssue> issues,
        IReadOnlyDictionary<string, string?>? unresolved = null
    )
    {
        Definition = definition;
        _typed = typed;
        Originals = originals;
        Unresolved = unresolved ?? originals;
        _issues = [.. issues];
    }

    /// <summary>The definition the values were checked against.</summary>
    public ConfigDefinition Definition { get; }

    /// <summary>Every value given, after <c>${...}</c> references were resolved.</summary>
    public IReadOnlyDictionary<string, string?> Originals { get; }

    /// <summary>
    /// Every value as given, <c>${provider:path:key}</c> references unresolved: what the REST API
    /// shows (Kafka Connect's <c>GET /connectors/{name}/config</c> returns the config as submitted),
    /// so a value read from a provider never leaves the worker.
    /// </summary>
    public IReadOnlyDictionary<string, string?> Unresolved { get; }

    /// <summary>Every issue found; empty when the config is valid.</summary>
    public IReadOnlyList<ConfigIssue> Issues => _issues;

    /// <summary>Whether no issue was found.</summary>
    public bool IsValid => Issues.Count == 0;

    /// <summary>
    /// Adds an issue found by a rule across keys (e.g. "give exactly one of file and directory"),
    /// as a Kafka connector's <c>validate</c> adds error messages to the <c>ConfigValue</c>s that
    /// <c>ConfigDef.validate</c> returned, so that one report holds every issue.
    /// </summary>
    public void AddIssue(string key, string message)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(message);
        _issues.Add(new ConfigIssue(key, message));
    }

    /// <summary>Throws a <see cref="ConfigValidationException"/> listing every issue, unless valid.</summary>
    public ParsedConfig ThrowIfInvalid(string connector)
    {
        if (!IsValid)
        {
            throw new ConfigValidationException(connector, [.. _issues]);
        }
        return this;
    }

    /// <summary>
    /// Throws a <see cref="ConfigValidationException"/> listing every issue, unless valid, naming
    /// the connector by its <c>name</c> key when the values have one, else by the definition's
    /// connector class.
    /// </summary>
    public ParsedConfig ThrowIfInvalid() =>
        ThrowIfInvalid(
            Originals.GetValueOrDefault("name") is { Length: > 0 } name
                ? name
                : Definition.ConnectorClass
        );

    /// <summary>The same values with <paramref name="issues"/> as their issues.</summary>
    internal ParsedConfig WithIssues(IReadOnlyList<ConfigIssue> issues) =>
        new(Definition, _typed, Originals, issues, Unresolved);

    /// <summary>The typed value of <paramref name="key"/> (a bool, int, long, double, string, list or <see cref="Password"/>), or default.</summary>
    public T? Get<T>(string key) =>
        _typed.TryGetValue(key, out var value) && value is T typed ? typed : default;

    /// <summary>The raw values whose keys start with <paramref name="prefix"/>, with the prefix removed (e.g. <c>producer.override.</c>).</summary>
    public IReadOnlyDictionary<string, string> WithPrefix(string prefix)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in Originals)
        {
            if (
                value is not null
                && key.StartsWith(prefix, StringComparison.Ordinal)
                && key.Length > prefix.Length
            )
            {
                result[key[prefix.Length..]] = value;
            }
        }
        return result;
    }
}
