using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using KConnector.Generator.Diagnostics;
using KConnector.Generator.Helpers;
using KConnector.Generator.Plugins;
using KConnector.Generator.Transforms;

namespace KConnector.Generator.Connectors;

/// <summary>
/// Checks a spec's <c>transforms</c> and <c>predicates</c> and each alias's keys against the
/// transformation and predicate plugins of the referenced assemblies, with the rules the runtime's
/// <c>TransformationsConfig</c> applies when the worker starts (same keys named), and passes the
/// checked values on to the generated config. Keys named <c>regex</c> or <c>pattern</c> are
/// regular expressions (Kafka Connect's RegexRouter and TopicNameMatches) and must compile.
/// </summary>
internal sealed class TransformSpecChecker
{
    private readonly PluginCatalog _catalog;
    private readonly DiagnosticBag _diagnostics;
    private readonly List<SpecValue> _values;
    private readonly List<TransformStep> _steps = new();

    // The predicates' plugin classes and patterns (TopicNameMatches) or header names (HasHeaderKey) by alias (checked before the transformations that name them).
    private readonly Dictionary<string, (string ClassName, string? Argument)> _predicates = new(
        StringComparer.Ordinal
    );

    private TransformSpecChecker(
        PluginCatalog catalog,
        DiagnosticBag diagnostics,
        List<SpecValue> values
    )
    {
        _catalog = catalog;
        _diagnostics = diagnostics;
        _values = values;
    }

    /// <summary>Checks the aliases; returns the transformations whose plugin was found, in chain order.</summary>
    public static EquatableArray<TransformStep> Check(
        Dictionary<string, SpecEntry> texts,
        List<SpecEntry> entries,
        PluginCatalog catalog,
        DiagnosticBag diagnostics,
        List<SpecValue> values
    )
    {
        var checker = new TransformSpecChecker(catalog, diagnostics, values);
        var predicates = checker.Aliases(texts, ConfigKeyNames.Predicates);
        var transforms = checker.Aliases(texts, ConfigKeyNames.Transforms);
        var byAlias = checker.Group(entries, transforms, predicates);
        foreach (var alias in predicates)
        {
            checker.CheckAlias(texts, ConfigKeyNames.Predicates, alias, byAlias, predicates);
        }
        foreach (var alias in transforms)
        {
            checker.CheckAlias(texts, ConfigKeyNames.Transforms, alias, byAlias, predicates);
        }
        return checker._steps.ToEquatableArray();
    }

    private List<string> Aliases(Dictionary<string, SpecEntry> texts, string list)
    {
        if (!texts.TryGetValue(list, out var entry) || entry.Text is null)
        {
            return new List<string>();
        }
        var aliases = entry.Text.Split(',').Select(a => a.Trim()).Where(a => a.Length > 0).ToList();
        foreach (var twice in aliases.GroupBy(a => a).Where(g => g.Count() > 1))
        {
            _diagnostics.Report(
                DiagnosticDescriptors.DuplicateTransformAlias,
                entry.ValueWhere,
                list,
                twice.Key
            );
        }
        return aliases.Distinct().ToList();
    }

    // The alias's entries by "list.alias"; a key of an alias its list does not name is reported.
    private Dictionary<string, List<(TransformKeyName Name, SpecEntry Entry)>> Group(
        List<SpecEntry> entries,
        List<string> transforms,
        List<string> predicates
    )
    {
        var result = new Dictionary<string, List<(TransformKeyName, SpecEntry)>>(
            StringComparer.Ordinal
        );
        foreach (var entry in entries)
        {
            TransformKeyName.TryParse(entry.Key, out var name);
            var listed = name.IsPredicateList ? predicates : transforms;
            if (!listed.Contains(name.Alias))
            {
                _diagnostics.Report(
                    DiagnosticDescriptors.TransformAliasNotListed,
                    entry.KeyWhere,
                    entry.Key,
                    name.Alias,
                    name.List,
                    listed.Count == 0 ? "none" : string.Join(", ", listed),
                    EditDistance.Suggestion(name.Alias, listed)
                );
                continue;
            }
            var group = name.List + "." + name.Alias;
            if (!result.TryGetValue(group, out var list))
            {
                result[group] = list = new List<(TransformKeyName, SpecEntry)>();
            }
            list.Add((name, entry));
        }
        return result;
    }

    private void CheckAlias(
        Dictionary<string, SpecEntry> texts,
        string list,
        string alias,
        Dictionary<string, List<(TransformKeyName Name, SpecEntry Entry)>> byAlias,
        List<string> predicates
    )
    {
        var prefix = list + "." + alias + ".";
        byAlias.TryGetValue(list + "." + alias, out var keys);
        keys ??= new List<(TransformKeyName, SpecEntry)>();
        var type = keys.FirstOrDefault(k => k.Name.Key == "type").Entry;
        if (type?.Text is not { } typeName || typeName.Trim().Length == 0)
        {
            _diagnostics.Report(
                DiagnosticDescriptors.TransformMissingKey,
                type?.ValueWhere ?? texts[list].ValueWhere,
                prefix + "type",
                " for the alias \"" + alias + "\" of \"" + list + "\""
            );
            return;
        }
        var isPredicate = list == ConfigKeyNames.Predicates;
        var plugin = _catalog.FindTransform(typeName.Trim(), isPredicate);
        if (plugin is null)
        {
            ReportUnknownType(type, typeName.Trim(), isPredicate);
            return;
        }
        if (plugin.SchemalessOnly)
        {
            FieldTransformCheck.ReportSchemalessOnly(
                _diagnostics,
                type,
                typeName.Trim(),
                plugin.ClassName
            );
        }
        _values.Add(new SpecValue(type.Key, typeName.Trim()));
        var own = new TransformPluginKeys(plugin, prefix, isPredicate, _diagnostics, _values);
        var settings = keys.Where(k => k.Name.Key != "type").Select(k => k.Entry).ToList();
        own.Check(settings, type, predicates);
        if (isPredicate)
        {
            _predicates[alias] = (
                plugin.ClassName,
                settings
                    .FirstOrDefault(e => e.Key == prefix + "pattern" || e.Key == prefix + "name")
                    ?.Text
            );
        }
        else
        {
            _steps.Add(TransformStepReader.Read(alias, plugin, type, settings, _predicates));
        }
    }

    private void ReportUnknownType(SpecEntry type, string name, bool isPredicate)
    {
        var names = _catalog
            .Transforms.Where(t => t.IsPredicate == isPredicate)
            .SelectMany(t => new[] { t.ClassName }.Concat(t.Aliases))
            .ToList();
        var shortNames = _catalog
            .Transforms.Where(t => t.IsPredicate == isPredicate)
            .Select(t => t.Aliases.FirstOrDefault() ?? t.ClassName)
            .ToList();
        var hint = EditDistance.Suggestion(name, names);
        if (name.StartsWith("org.apache.kafka.connect.transforms.", StringComparison.Ordinal))
        {
            // Kafka Connect's long names share a long prefix: compare the simple names, so that
            // MaskField$Value is not "corrected" to another transformation.
            var simple = name.Substring(name.LastIndexOf('.') + 1);
            hint = EditDistance.Closest(simple, shortNames) is { } near
                ? " Did you mean \"" + near + "\"?"
                : " KConnector does not run this Kafka Connect transformation yet (docs/transforms.md).";
        }
        _diagnostics.Report(
            DiagnosticDescriptors.UnknownTransformType,
            type.ValueWhere,
            name,
            isPredicate ? "predicate" : "transformation",
            string.Join(", ", shortNames),
            hint
        );
    }

    /// <summary>Whether <paramref name="pattern"/> compiles as the runtime compiles it; the error otherwise.</summary>
    internal static string? RegexError(string pattern)
    {
        try
        {
            _ = new Regex(@"\A(?:" + pattern + @")\z", RegexOptions.CultureInvariant);
            return null;
        }
        catch (ArgumentException e)
        {
            return e.Message;
        }
    }
}
