using System.Collections.Generic;
using System.Linq;
using KConnector.Generator.Diagnostics;
using KConnector.Generator.Helpers;
using KConnector.Generator.Plugins;

namespace KConnector.Generator.Connectors;

/// <summary>
/// The keys of one alias of <c>transforms</c> or <c>predicates</c> besides its <c>type</c>: the
/// plugin's own keys (type, value rules, required keys, regular expressions), and a
/// transformation's <c>predicate</c> and <c>negate</c>.
/// </summary>
internal sealed class TransformPluginKeys
{
    private readonly TransformPluginModel _plugin;
    private readonly string _prefix;
    private readonly bool _isPredicate;
    private readonly DiagnosticBag _diagnostics;
    private readonly List<SpecValue> _values;

    public TransformPluginKeys(
        TransformPluginModel plugin,
        string prefix,
        bool isPredicate,
        DiagnosticBag diagnostics,
        List<SpecValue> values
    )
    {
        _plugin = plugin;
        _prefix = prefix;
        _isPredicate = isPredicate;
        _diagnostics = diagnostics;
        _values = values;
    }

    public void Check(List<SpecEntry> entries, SpecEntry type, List<string> predicates)
    {
        SpecEntry? predicate = null;
        SpecEntry? negate = null;
        foreach (var entry in entries)
        {
            var key = entry.Key.Substring(_prefix.Length);
            if (!_isPredicate && key == "predicate")
            {
                predicate = entry;
                CheckPredicate(entry, predicates);
            }
            else if (!_isPredicate && key == "negate")
            {
                negate = entry;
                Pass(entry, Key(entry.Key, ConfigKeyType.Boolean));
            }
            else if (_plugin.Keys.FirstOrDefault(k => k.Name == key) is { } own)
            {
                CheckOwn(entry, own);
            }
            else
            {
                ReportUnknown(entry, key);
            }
        }
        if (negate?.Text?.Trim() == "true" && predicate is null)
        {
            _diagnostics.Report(
                DiagnosticDescriptors.NegateWithoutPredicate,
                negate.ValueWhere,
                negate.Key,
                _prefix + "predicate"
            );
        }
        ReportMissing(entries, type);
    }

    private void CheckPredicate(SpecEntry entry, List<string> predicates)
    {
        var name = entry.Text?.Trim() ?? string.Empty;
        if (predicates.Contains(name))
        {
            _values.Add(new SpecValue(entry.Key, name));
            return;
        }
        _diagnostics.Report(
            DiagnosticDescriptors.UndefinedPredicate,
            entry.ValueWhere,
            name,
            predicates.Count == 0 ? "none" : string.Join(", ", predicates),
            EditDistance.Suggestion(name, predicates)
        );
    }

    private void CheckOwn(SpecEntry entry, ConfigKeyModel own)
    {
        var text = Pass(entry, own with { Name = entry.Key });
        if (
            text is null
            || (own.Name != "regex" && own.Name != "pattern")
            || text.Contains("${")
            || TransformSpecChecker.RegexError(text) is not { } error
        )
        {
            return;
        }
        _diagnostics.Report(
            DiagnosticDescriptors.TransformRegexInvalid,
            entry.ValueWhere,
            text,
            error
        );
    }

    private string? Pass(SpecEntry entry, ConfigKeyModel key)
    {
        var text = SpecValueRules.Check(key, entry, _diagnostics.Items);
        if (text is not null)
        {
            _values.Add(new SpecValue(entry.Key, text));
        }
        return text;
    }

    private void ReportUnknown(SpecEntry entry, string key)
    {
        var candidates = _plugin
            .Keys.Select(k => k.Name)
            .Concat(_isPredicate ? new[] { "type" } : new[] { "type", "predicate", "negate" })
            .ToList();
        _diagnostics.Report(
            DiagnosticDescriptors.UnknownTransformKey,
            entry.KeyWhere,
            entry.Key,
            _plugin.ClassName,
            string.Join(", ", candidates),
            EditDistance.Suggestion(key, candidates)
        );
    }

    private void ReportMissing(List<SpecEntry> entries, SpecEntry type)
    {
        foreach (var key in _plugin.Keys.Where(k => k.Required && k.Default is null))
        {
            var full = _prefix + key.Name;
            if (entries.Any(e => e.Key == full && e.Text?.Trim().Length > 0))
            {
                continue;
            }
            _diagnostics.Report(
                DiagnosticDescriptors.TransformMissingKey,
                type.KeyWhere,
                full,
                " by the "
                    + (_isPredicate ? "predicate " : "transformation ")
                    + _plugin.ClassName
                    + ": "
                    + key.Doc
            );
        }
    }

    private static ConfigKeyModel Key(string name, ConfigKeyType type) =>
        ConfigKeyNames.Key(name, type, "false", "LOW", string.Empty, "Transforms");
}
