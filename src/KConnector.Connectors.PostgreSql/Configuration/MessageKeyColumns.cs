using System.Text.RegularExpressions;

namespace KConnector.Connectors.PostgreSql.Configuration;

/// <summary>
/// Debezium's <c>message.key.columns</c>: the columns that form the record key of matching tables
/// instead of the primary key (or for a table without one), as
/// <c>&lt;schema.table regex&gt;:&lt;column&gt;,&lt;column&gt;;...</c>; the first matching entry wins.
/// </summary>
public sealed class MessageKeyColumns
{
    private readonly IReadOnlyList<(Regex Table, IReadOnlyList<string> Columns)> _entries;

    private MessageKeyColumns(IReadOnlyList<(Regex, IReadOnlyList<string>)> entries) =>
        _entries = entries;

    /// <summary>No entries: every table is keyed by its primary key.</summary>
    public static MessageKeyColumns None { get; } = new([]);

    /// <summary>The key columns given for <paramref name="schema"/>.<paramref name="table"/>, in order, or null.</summary>
    public IReadOnlyList<string>? For(string schema, string table)
    {
        var name = schema + "." + table;
        foreach (var (pattern, columns) in _entries)
        {
            if (pattern.IsMatch(name))
            {
                return columns;
            }
        }
        return null;
    }

    /// <summary>Parses the key's value, or says what is wrong with it.</summary>
    internal static MessageKeyColumns? TryParse(string? text, out string? problem)
    {
        problem = null;
        var entries = new List<(Regex, IReadOnlyList<string>)>();
        foreach (var entry in (text ?? "").Split(';', StringSplitOptions.TrimEntries))
        {
            if (entry.Length == 0)
            {
                continue;
            }
            var colon = entry.LastIndexOf(':');
            var columns =
                colon < 0
                    ? []
                    : entry[(colon + 1)..]
                        .Split(
                            ',',
                            StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries
                        );
            if (colon <= 0 || columns.Length == 0)
            {
                problem =
                    $"'{entry}' is not <schema.table regex>:<column>[,<column>...] (entries are separated by ';')";
                return null;
            }
            try
            {
                var table = new Regex(
                    "^(?:" + entry[..colon].Trim() + ")$",
                    RegexOptions.CultureInvariant | RegexOptions.IgnoreCase,
                    TimeSpan.FromSeconds(1)
                );
                entries.Add((table, columns));
            }
            catch (ArgumentException)
            {
                problem = $"'{entry[..colon]}' is not a regular expression";
                return null;
            }
        }
        return entries.Count == 0 ? None : new MessageKeyColumns(entries);
    }
}
