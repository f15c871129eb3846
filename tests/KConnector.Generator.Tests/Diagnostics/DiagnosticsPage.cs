using System.Text.RegularExpressions;
using KConnector.Generator.Tests.Connectors;

namespace KConnector.Generator.Tests.Diagnostics;

/// <summary>
/// docs/diagnostics.md as the tests read it: one entry per <c>### KCNnnnn</c> heading, with the
/// bold title under it, whether it shows an example (a fenced block or a described input) and a fix,
/// and every anchor the page has, named as GitHub names a heading's anchor.
/// </summary>
internal sealed partial class DiagnosticsPage
{
    /// <summary>Where the help links point: the page on the repository's main branch.</summary>
    public const string Address =
        "https://github.com/kconnector/kconnector/blob/main/docs/diagnostics.md";

    private DiagnosticsPage(IReadOnlyList<Entry> entries, IReadOnlySet<string> anchors)
    {
        Entries = entries;
        Anchors = anchors;
    }

    /// <summary>The entries, in page order.</summary>
    public IReadOnlyList<Entry> Entries { get; }

    /// <summary>Every anchor of the page (headings and explicit <c>id</c>s).</summary>
    public IReadOnlySet<string> Anchors { get; }

    /// <summary>Reads the page from the repository.</summary>
    public static DiagnosticsPage Read() =>
        Parse(File.ReadAllText(Path.Combine(RepositoryFiles.Root, "docs", "diagnostics.md")));

    /// <summary>Parses the page's text.</summary>
    public static DiagnosticsPage Parse(string text)
    {
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        var entries = new List<Entry>();
        var anchors = new HashSet<string>(StringComparer.Ordinal);
        var inFence = false;
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].StartsWith("```", StringComparison.Ordinal))
            {
                inFence = !inFence;
                continue;
            }
            if (inFence)
            {
                continue;
            }
            foreach (Match id in ExplicitAnchor().Matches(lines[i]))
            {
                anchors.Add(id.Groups[1].Value);
            }
            var heading = Heading().Match(lines[i]);
            if (!heading.Success)
            {
                continue;
            }
            anchors.Add(Slug(heading.Groups[2].Value));
            var entryId = EntryHeading().Match(lines[i]);
            if (entryId.Success)
            {
                entries.Add(ReadEntry(entryId.Groups[1].Value, lines, i + 1));
            }
        }
        return new DiagnosticsPage(entries, anchors);
    }

    /// <summary>GitHub's anchor for a heading: lower case, punctuation dropped, spaces as dashes.</summary>
    public static string Slug(string heading) =>
        NotSlugCharacter()
            .Replace(heading.Trim().ToLowerInvariant(), string.Empty)
            .Replace(' ', '-');

    private static Entry ReadEntry(string id, string[] lines, int start)
    {
        var body = new List<string>();
        for (var i = start; i < lines.Length && !lines[i].StartsWith('#'); i++)
        {
            body.Add(lines[i]);
        }
        var title = body.Select(l => TitleLine().Match(l)).FirstOrDefault(m => m.Success);
        var text = string.Join("\n", body);
        var files = new List<ExampleFile>();
        for (var i = 0; i + 1 < body.Count; i++)
        {
            var marker = ExampleMarker().Match(body[i]);
            if (!marker.Success || !body[i + 1].StartsWith("```", StringComparison.Ordinal))
            {
                continue;
            }
            var end = body.FindIndex(i + 2, l => l.StartsWith("```", StringComparison.Ordinal));
            files.Add(
                new ExampleFile(
                    marker.Groups[1].Value,
                    string.Join("\n", body.Skip(i + 2).Take(end - i - 2)) + "\n"
                )
            );
        }
        return new Entry(
            id,
            title?.Groups[1].Value,
            title?.Groups[2].Value,
            HasExample: text.Contains("```", StringComparison.Ordinal)
                || text.Contains("No input is meant to trigger it", StringComparison.Ordinal)
                || text.Contains("Reserved:", StringComparison.Ordinal)
                || body.Any(l => l.StartsWith("Example: ", StringComparison.Ordinal)),
            HasFix: text.Contains("Fix", StringComparison.Ordinal),
            files
        );
    }

    [GeneratedRegex(@"^<!-- example: (\S+) -->$")]
    private static partial Regex ExampleMarker();

    [GeneratedRegex(@"^(#{1,6})\s+(.+?)\s*$")]
    private static partial Regex Heading();

    [GeneratedRegex(@"^###\s+(KCN\d{4})\s*$")]
    private static partial Regex EntryHeading();

    [GeneratedRegex(@"^\*\*(.+)\*\* \((error|warning)\)\s*$")]
    private static partial Regex TitleLine();

    [GeneratedRegex(@"<a\s+(?:id|name)=""([^""]+)""")]
    private static partial Regex ExplicitAnchor();

    [GeneratedRegex(@"[^\p{L}\p{Nd}\s_-]")]
    private static partial Regex NotSlugCharacter();

    /// <summary>One <c>### KCNnnnn</c> entry.</summary>
    /// <param name="Id">The diagnostic id of the heading.</param>
    /// <param name="Title">The bold title under it, or null when missing.</param>
    /// <param name="Severity">"error" or "warning" as the entry states it, or null.</param>
    /// <param name="HasExample">Whether it shows (or describes) input that triggers the id.</param>
    /// <param name="HasFix">Whether it says how to fix it.</param>
    /// <param name="Files">
    /// The example's files: each fenced block right under a <c>&lt;!-- example: name --&gt;</c>
    /// line, which the tests compile as that file of a project to see the id reported.
    /// </param>
    internal sealed record Entry(
        string Id,
        string? Title,
        string? Severity,
        bool HasExample,
        bool HasFix,
        IReadOnlyList<ExampleFile> Files
    );

    /// <summary>One file of an entry's example.</summary>
    /// <param name="Name">The file name (<c>order.avsc</c>, <c>orders.connector.json</c>, <c>Connector.cs</c>).</param>
    /// <param name="Text">The block's text.</param>
    internal sealed record ExampleFile(string Name, string Text);
}
