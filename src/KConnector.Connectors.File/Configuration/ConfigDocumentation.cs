using System.Text;

namespace KConnector.Connectors.Configuration;

/// <summary>
/// Renders a connector's <see cref="ConfigKey"/>s as the Markdown table its page in
/// <c>docs/connectors/</c> shows, between <see cref="StartMarker"/> and <see cref="EndMarker"/>, so
/// that a test can check the docs never drift from the code.
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
                key.Required ? "(required)"
                : key.Default is null ? "(none)"
                : key.Default.Length == 0 ? "\"\""
                : "`" + key.Default + "`";
            var doc = key.Documentation;
            if (key.ValidValues.Count > 0)
            {
                doc +=
                    " One of: "
                    + string.Join(", ", key.ValidValues.Select(v => "`" + v + "`"))
                    + ".";
            }
            text.Append(
                    $"| `{key.Name}` | {key.Type.ToString().ToLowerInvariant()} | {defaultText} | {key.Importance.ToString().ToLowerInvariant()} | {doc.Replace("|", "\\|", StringComparison.Ordinal)} |"
                )
                .Append('\n');
        }
        return text.ToString();
    }

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
