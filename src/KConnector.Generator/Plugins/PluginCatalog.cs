using System;
using System.Collections.Generic;
using System.Linq;
using KConnector.Generator.Connectors;
using KConnector.Generator.Helpers;

namespace KConnector.Generator.Plugins;

/// <summary>
/// What the referenced assemblies offer: the connector plugins and the framework's keys. Read once
/// per compilation but value-equatable, so every step after it stays cached while the references
/// do not change.
/// </summary>
/// <param name="Plugins">The connector plugins, ordered by class name.</param>
/// <param name="FrameworkKeys">The framework keys a spec may give (the runtime's ConfigKeySets, worker keys excepted).</param>
/// <param name="Transforms">The transformation and predicate plugins, ordered by class name.</param>
/// <param name="Converters">The converters and header converters, ordered by class name.</param>
internal sealed record PluginCatalog(
    EquatableArray<PluginModel> Plugins,
    EquatableArray<KnownKey> FrameworkKeys,
    EquatableArray<TransformPluginModel> Transforms,
    EquatableArray<ConverterPluginModel> Converters
)
{
    public static PluginCatalog Empty { get; } =
        new(
            EquatableArray<PluginModel>.Empty,
            EquatableArray<KnownKey>.Empty,
            EquatableArray<TransformPluginModel>.Empty,
            EquatableArray<ConverterPluginModel>.Empty
        );

    /// <summary>The transformation (or predicate) named <paramref name="name"/> by class or alias.</summary>
    public TransformPluginModel? FindTransform(string name, bool predicate) =>
        Transforms.FirstOrDefault(t => t.IsPredicate == predicate && t.IsNamed(name));

    /// <summary>Every name a spec may use, for did-you-mean suggestions.</summary>
    public IEnumerable<string> AllNames =>
        Plugins.SelectMany(c => new[] { c.ClassName }.Concat(c.Aliases));

    public PluginModel? Find(string name) =>
        Plugins.FirstOrDefault(c =>
            string.Equals(c.ClassName, name, StringComparison.Ordinal)
            || c.Aliases.Any(a => string.Equals(a, name, StringComparison.Ordinal))
        );

    public KnownKey? FrameworkKey(string name) =>
        FrameworkKeys.FirstOrDefault(k => k.Key.Name == name);
}
