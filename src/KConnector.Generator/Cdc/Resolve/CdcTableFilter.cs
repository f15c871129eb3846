using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using KConnector.Generator.Connectors;

namespace KConnector.Generator.Cdc;

/// <summary>
/// table.include.list / table.exclude.list as the connector applies them: regular expressions
/// matched, case-insensitively and whole, against schema.table. A pattern that does not compile
/// is the connector's own config error, not checked here.
/// </summary>
internal sealed class CdcTableFilter
{
    private readonly List<(string Pattern, Regex Regex)> _include;
    private readonly List<(string Pattern, Regex Regex)> _exclude;

    private CdcTableFilter(List<(string, Regex)> include, List<(string, Regex)> exclude)
    {
        _include = include;
        _exclude = exclude;
    }

    public static CdcTableFilter Of(ParsedSpec spec) =>
        new(
            Patterns(CdcDeclaredTables.ValueOf(spec, "table.include.list")),
            Patterns(CdcDeclaredTables.ValueOf(spec, "table.exclude.list"))
        );

    /// <summary>Null when the table is captured; else which list leaves it out.</summary>
    public string? Problem(CdcTableEntry entry)
    {
        var name = entry.QualifiedName;
        if (_include.Count > 0 && !_include.Any(p => p.Regex.IsMatch(name)))
        {
            return "table.include.list ("
                + string.Join(",", _include.Select(p => p.Pattern))
                + ") does not match "
                + name;
        }
        var excluded = _exclude.FirstOrDefault(p => p.Regex.IsMatch(name));
        return excluded.Regex is null
            ? null
            : "table.exclude.list's \"" + excluded.Pattern + "\" matches " + name;
    }

    internal static Regex? Compile(string pattern)
    {
        try
        {
            return new Regex(
                "^(?:" + pattern + ")$",
                RegexOptions.CultureInvariant | RegexOptions.IgnoreCase,
                TimeSpan.FromSeconds(1)
            );
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static List<(string, Regex)> Patterns(string list)
    {
        var patterns = new List<(string, Regex)>();
        foreach (var raw in list.Split(','))
        {
            var pattern = raw.Trim();
            if (pattern.Length > 0 && Compile(pattern) is { } regex)
            {
                patterns.Add((pattern, regex));
            }
        }
        return patterns;
    }
}
