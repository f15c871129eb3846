using System;
using System.Linq;
using KConnector.Generator.Connectors;
using KConnector.Generator.Helpers;

namespace KConnector.Generator.Transforms;

/// <summary>
/// One checked alias of a spec's <c>transforms</c>, in chain order: the plugin it names and its
/// settings (the spec's, then the plugin's defaults), for folding the chain over the schemas.
/// </summary>
/// <param name="ClassName">The plugin's canonical class name (e.g. <c>KConnector.Transforms.CastValue</c>).</param>
/// <param name="TypeName">The type as the spec wrote it (e.g. <c>Cast$Value</c>), for messages.</param>
/// <param name="Conditional">Whether a predicate decides which records it applies to.</param>
/// <param name="PredicateClass">The class of that predicate's plugin (e.g. <c>KConnector.Transforms.HasHeaderKey</c>), null when it has none or it is not found.</param>
/// <param name="PredicateArgument">That predicate's <c>pattern</c> (TopicNameMatches) or <c>name</c> (HasHeaderKey), null when it has none.</param>
internal sealed record TransformStep(
    string Alias,
    string ClassName,
    string TypeName,
    SpecLocation TypeWhere,
    EquatableArray<TransformSetting> Settings,
    bool Conditional,
    string? PredicateClass = null,
    string? PredicateArgument = null
)
{
    /// <summary>Whether <c>negate</c> is true: the stage applies to the records its predicate does not match.</summary>
    public bool Negated =>
        string.Equals(Setting("negate")?.Text.Trim(), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>The setting's text (the spec's, else the default), or null when neither is given.</summary>
    public TransformSetting? Setting(string key) =>
        Settings.FirstOrDefault(s => string.Equals(s.Key, key, StringComparison.Ordinal));

    /// <summary>A list setting's trimmed, non-empty items (Kafka Connect's LIST type).</summary>
    public string[] List(string key) =>
        Setting(key)?.Text.Split(',').Select(s => s.Trim()).Where(s => s.Length > 0).ToArray()
        ?? Array.Empty<string>();
}
