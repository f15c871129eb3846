namespace KConnector.Connectors.Configuration;

/// <summary>
/// One config key of a connector: its name, type, default, documentation and importance, as a
/// <c>ConfigDef.ConfigKey</c> in Kafka Connect. Connector docs tables are generated from these.
/// </summary>
/// <param name="Name">The key, e.g. <c>connection.url</c>.</param>
/// <param name="Type">The value type.</param>
/// <param name="Default">The default as text; null when the key is required or has no default.</param>
/// <param name="Importance">How much a user should care.</param>
/// <param name="Documentation">What the key means.</param>
public sealed record ConfigKey(
    string Name,
    ConfigType Type,
    string? Default,
    ConfigImportance Importance,
    string Documentation
)
{
    /// <summary>True when the key has no default and must be given.</summary>
    public bool Required { get; init; }

    /// <summary>The allowed values, when the key is an enumeration; empty otherwise.</summary>
    public IReadOnlyList<string> ValidValues { get; init; } = [];

    /// <summary>Creates a key that must be given.</summary>
    public static ConfigKey Require(
        string name,
        ConfigType type,
        ConfigImportance importance,
        string documentation
    ) => new(name, type, null, importance, documentation) { Required = true };
}
