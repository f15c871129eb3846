using System.Text.RegularExpressions;

namespace KConnector.Connectors.PostgreSql.Configuration;

/// <summary>
/// Which tables are captured: table.include.list or table.exclude.list, regular expressions
/// matched against the whole <c>schema.table</c> name (Debezium anchors them the same way).
/// </summary>
public sealed class TableFilter
{
    private readonly IReadOnlyList<Regex> _include;
    private readonly IReadOnlyList<Regex> _exclude;

    private TableFilter(IReadOnlyList<Regex> include, IReadOnlyList<Regex> exclude)
    {
        _include = include;
        _exclude = exclude;
    }

    /// <summary>Every table.</summary>
    public static TableFilter All { get; } = new([], []);

    /// <summary>Whether <paramref name="schema"/>.<paramref name="table"/> is captured.</summary>
    public bool Captures(string schema, string table)
    {
        var name = schema + "." + table;
        return (_include.Count == 0 || _include.Any(r => r.IsMatch(name)))
            && !_exclude.Any(r => r.IsMatch(name));
    }

    /// <summary>Builds the filter, or names the first pattern that is not a regular expression.</summary>
    internal static TableFilter? TryCreate(
        IReadOnlyList<string> include,
        IReadOnlyList<string> exclude,
        out (string Key, string Pattern)? badPattern
    )
    {
        badPattern = null;
        var included = new List<Regex>();
        var excluded = new List<Regex>();
        foreach (
            var (key, patterns, into) in new[]
            {
                ("table.include.list", include, included),
                ("table.exclude.list", exclude, excluded),
            }
        )
        {
            foreach (var pattern in patterns.Where(p => p.Trim().Length > 0))
            {
                try
                {
                    into.Add(
                        new Regex(
                            "^(?:" + pattern.Trim() + ")$",
                            RegexOptions.CultureInvariant | RegexOptions.IgnoreCase,
                            TimeSpan.FromSeconds(1)
                        )
                    );
                }
                catch (ArgumentException)
                {
                    badPattern = (key, pattern);
                    return null;
                }
            }
        }
        return new TableFilter(included, excluded);
    }
}
