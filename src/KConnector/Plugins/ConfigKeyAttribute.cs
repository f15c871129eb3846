using KConnector.Configuration;

namespace KConnector.Plugins;

/// <summary>
/// One key of a plugin's (or the framework's) config definition, as one <c>ConfigDef.define(...)</c>
/// call of Kafka Connect: name, type, default, importance, group, documentation and validators.
/// The generator turns the attributes of a class into its <c>ConfigDefinition</c> and checks specs
/// against the same attributes at build time, so both give one verdict.
/// </summary>
/// <param name="name">The key, e.g. <c>tasks.max</c>.</param>
/// <param name="type">The value's type (<c>ConfigDef.Type</c>); <see cref="ConfigType.Password"/> marks a secret.</param>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class ConfigKeyAttribute(string name, ConfigType type) : Attribute
{
    /// <summary>The key.</summary>
    public string Name { get; } = name;

    /// <summary>The value's type.</summary>
    public ConfigType Type { get; } = type;

    /// <summary>The default as text; null: none (then <see cref="Required"/> says whether a value must be given).</summary>
    public string? Default { get; set; }

    /// <summary>Whether a value must be given.</summary>
    public bool Required { get; set; }

    /// <summary>How much the key matters.</summary>
    public ConfigImportance Importance { get; set; } = ConfigImportance.Medium;

    /// <summary>The group the key is shown under (Kafka Connect's <c>Common</c>, <c>Error Handling</c>...).</summary>
    public string Group { get; set; } = "Connector";

    /// <summary>What the key does.</summary>
    public string Documentation { get; set; } = string.Empty;

    /// <summary>The smallest allowed number, inclusive; NaN: no minimum (an attribute cannot hold a null double).</summary>
    public double Min { get; set; } = double.NaN;

    /// <summary>The largest allowed number, inclusive; NaN: no maximum.</summary>
    public double Max { get; set; } = double.NaN;

    /// <summary>A regular expression the whole value (each item of a list) must match.</summary>
    public string? Pattern { get; set; }

    /// <summary>The allowed values, compared ignoring case (Kafka's <c>CaseInsensitiveValidString</c>).</summary>
    public string[]? AllowedValues { get; set; }

    /// <summary>Values to suggest (Kafka's <c>Recommender</c>); others are allowed.</summary>
    public string[]? RecommendedValues { get; set; }

    /// <summary>Another key whose value makes this one required (with <see cref="RequiredWhenValues"/>).</summary>
    public string? RequiredWhenKey { get; set; }

    /// <summary>The values of <see cref="RequiredWhenKey"/> that make this key required (ignoring case).</summary>
    public string[]? RequiredWhenValues { get; set; }
}
