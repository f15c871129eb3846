using System.Globalization;
using System.Text;

namespace KConnector.Configuration;

/// <summary>
/// Renders a connector's <see cref="ConfigKey"/>s as the Markdown table its docs page shows (the
/// built-in connectors' pages in <c>docs/connectors/</c>), between <see cref="StartMarker"/> and
/// <see cref="EndMarker"/>, so that a test can check the docs never drift from the code.
/// </summary>
public static class ConfigDocumentation
{
    /// <summary>The line before the generated table in a docs page.</summary>
    public const string StartMarker =
        "<!-- config-table:start (generated from the connector's ConfigKeys; do not edit) -->";

    /// <summary>The line after the generated table.</summary>
    public const string EndMarker = "<!-- config-table:end -->";

    /// <summary>The table, one row per key, in the order given.</summary>
    public static string ToMarkdownTable(IReadOnlyList<ConfigKey> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var text = new StringBuilder();
        text.Append("| key | type | default | importance | description |\n");
        text.Append("|---|---|---|---|---|\n");
        foreach (var key in keys)
        {
            var defaultText =
                key.Required && key.DefaultValue is null ? "(required)"
                : key.DefaultValue is null ? "(none)"
                : key.DefaultValue.Length == 0 ? "\"\""
                : "`" + key.DefaultValue + "`";
            var doc = key.Documentation + Constraint(key);
            text.Append(
                    $"| `{key.Name}` | {key.Type.ToString().ToLowerInvariant()} | {Cell(defaultText)} | {key.Importance.ToString().ToLowerInvariant()} | {Cell(doc)} |"
                )
                .Append('\n');
        }
        return text.ToString();
    }

    /// <summary>
    /// A table cell's text: a pipe, even inside a code span (<c>header.separator</c>'s default),
    /// would end the cell, so GitHub Flavored Markdown wants it escaped.
    /// </summary>
    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);

    /// <summary>What a value must be, in words, after the key's documentation.</summary>
    private static string Constraint(ConfigKey key)
    {
        if (key.OneOf is { Count: > 0 } oneOf)
        {
            return " One of: " + string.Join(", ", oneOf.Select(v => "`" + v + "`")) + ".";
        }
        return (key.Min, key.Max) switch
        {
            ({ } min, { } max) => $" Between `{Format(min)}` and `{Format(max)}`.",
            ({ } min, null) => $" At least `{Format(min)}`.",
            (null, { } max) => $" At most `{Format(max)}`.",
            _ => key.Pattern is null ? string.Empty : $" Matches `{key.Pattern}`.",
        };
    }

    private static string Format(double number) => number.ToString(CultureInfo.InvariantCulture);

    /// <summary>The text between the markers of a docs page, or null when the markers are missing.</summary>
    public static string? ExtractTable(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var start = markdown.IndexOf(StartMarker, StringComparison.Ordinal);
        var end = markdown.IndexOf(EndMarker, StringComparison.Ordinal);
        if (start < 0 || end < start)
        {
            return null;
        }
        start += StartMarker.Length;
        return markdown[start..end].Replace("\r\n", "\n", StringComparison.Ordinal).Trim('\n')
            + "\n";
    }

    /// <summary>Replaces the table between the markers of <paramref name="markdown"/>.</summary>
    public static string ReplaceTable(string markdown, IReadOnlyList<ConfigKey> keys)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var start = markdown.IndexOf(StartMarker, StringComparison.Ordinal);
        var end = markdown.IndexOf(EndMarker, StringComparison.Ordinal);
        if (start < 0 || end < start)
        {
            throw new ArgumentException("the page has no config-table markers", nameof(markdown));
        }
        return markdown[..(start + StartMarker.Length)]
            + "\n"
            + ToMarkdownTable(keys)
            + markdown[end..];
    }
}
