namespace KConnector.Configuration;

/// <summary>
/// One config key of a connector, as a <c>ConfigDef.ConfigKey</c> of Kafka Connect: what a CLI or a
/// REST layer shows (<c>GET /connector-plugins/{name}/config</c>) and what validation checks.
/// </summary>
public sealed record ConfigKey
{
    /// <summary>The Kafka-style name, e.g. <c>tasks.max</c>.</summary>
    public required string Name { get; init; }

    /// <summary>The value's type.</summary>
    public required ConfigType Type { get; init; }

    /// <summary>The default as text, or null when there is none.</summary>
    public string? DefaultValue { get; init; }

    /// <summary>Whether a value must be given (a key with a default never is).</summary>
    public bool Required { get; init; }

    /// <summary>How much the key matters.</summary>
    public ConfigImportance Importance { get; init; } = ConfigImportance.Medium;

    /// <summary>What the key does.</summary>
    public string Documentation { get; init; } = string.Empty;

    /// <summary>The smallest allowed number, inclusive.</summary>
    public double? Min { get; init; }

    /// <summary>The largest allowed number, inclusive.</summary>
    public double? Max { get; init; }

    /// <summary>A regular expression the whole value must match.</summary>
    public string? Pattern { get; init; }

    /// <summary>The allowed values, compared ordinally ignoring case (as Kafka's <c>CaseInsensitiveValidString</c>).</summary>
    public IReadOnlyList<string>? OneOf { get; init; }

    /// <summary>Values to suggest (Kafka's <c>Recommender</c>); others are allowed.</summary>
    public IReadOnlyList<string>? RecommendedValues { get; init; }

    /// <summary>
    /// Another key whose value (one of <see cref="RequiredWhenValues"/>, ignoring case) makes this key
    /// required: a rule across keys stated as data, so the build checks it as validation does.
    /// </summary>
    public string? RequiredWhenKey { get; init; }

    /// <summary>The values of <see cref="RequiredWhenKey"/> that make this key required.</summary>
    public IReadOnlyList<string>? RequiredWhenValues { get; init; }

    /// <summary>The group the key is shown under (e.g. <c>Common</c>, <c>Error Handling</c>, <c>Connector</c>).</summary>
    public string Group { get; init; } = "Connector";

    /// <summary>Whether the value is a secret (<see cref="ConfigType.Password"/>).</summary>
    public bool IsSecret => Type == ConfigType.Password;

    /// <summary>The allowed values in words, as ConfigDef's validators print them, or null.</summary>
    public string? ValidValues
    {
        get
        {
            if (OneOf is { Count: > 0 })
            {
                return "[" + string.Join(", ", OneOf) + "]";
            }
            if (Min is { } min && Max is { } max)
            {
                return $"[{Format(min)},...,{Format(max)}]";
            }
            if (Min is { } atLeast)
            {
                return $"[{Format(atLeast)},...]";
            }
            if (Max is { } atMost)
            {
                return $"[...,{Format(atMost)}]";
            }
            return Pattern is null ? null : "matches /" + Pattern + "/";
        }
    }

    private static string Format(double d) =>
        d.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
