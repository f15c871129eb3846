using System.Reflection;
using System.Text.RegularExpressions;
using KConnector.Generator.Diagnostics;
using KConnector.Generator.Tests.Connectors;
using Microsoft.CodeAnalysis;

namespace KConnector.Generator.Tests.Diagnostics;

/// <summary>
/// docs/diagnostics.md, the descriptors and the analyzer release files agree (issue 13 item 6):
/// every descriptor has an entry with its title, an example and a fix; every entry has a
/// descriptor; every help link points at an anchor the page has; every id is in a release file.
/// </summary>
public sealed partial class DiagnosticsDocsTests
{
    private static readonly IReadOnlyList<DiagnosticDescriptor> Descriptors =
    [
        .. typeof(DiagnosticDescriptors)
            .GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
            .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)
            .OrderBy(d => d.Id, StringComparer.Ordinal),
    ];

    private static readonly DiagnosticsPage Page = DiagnosticsPage.Read();

    [Fact]
    public void Descriptors_AreFoundAndUnique()
    {
        // Guards the reflection above: a descriptor class renamed or emptied would make every
        // other check here pass vacuously.
        Assert.True(Descriptors.Count >= 60, $"only {Descriptors.Count} descriptors found");
        Assert.Equal(Descriptors.Count, Descriptors.Select(d => d.Id).Distinct().Count());
    }

    [Fact]
    public void EveryDescriptor_HasAnEntry_AndEveryEntryADescriptor()
    {
        var entries = Page.Entries.Select(e => e.Id).ToList();

        Assert.Equal(entries.Count, entries.Distinct().Count());
        Assert.Empty(Descriptors.Select(d => d.Id).Except(entries));
        Assert.Empty(entries.Except(Descriptors.Select(d => d.Id)));
    }

    [Fact]
    public void EveryEntry_HasTheDescriptorsTitleAndSeverity_AnExampleAndAFix()
    {
        var byId = Descriptors.ToDictionary(d => d.Id);
        var problems = new List<string>();
        foreach (var entry in Page.Entries.Where(e => byId.ContainsKey(e.Id)))
        {
            var descriptor = byId[entry.Id];
            var title = descriptor.Title.ToString(
                System.Globalization.CultureInfo.InvariantCulture
            );
            var severity =
                descriptor.DefaultSeverity == DiagnosticSeverity.Warning ? "warning" : "error";
            if (entry.Title != title || entry.Severity != severity)
            {
                problems.Add(
                    $"{entry.Id}: the page says **{entry.Title}** ({entry.Severity}), the descriptor **{title}** ({severity})"
                );
            }
            if (!entry.HasExample)
            {
                problems.Add(
                    $"{entry.Id}: no example (a fenced block or an \"Example: \" paragraph)"
                );
            }
            if (!entry.HasFix)
            {
                problems.Add($"{entry.Id}: no fix");
            }
        }
        Assert.Empty(problems);
    }

    [Fact]
    public void EveryHelpLink_PointsAtItsAnchorOnThePage()
    {
        var problems = new List<string>();
        foreach (var descriptor in Descriptors)
        {
            var link = descriptor.HelpLinkUri;
            var hash = link.IndexOf('#', StringComparison.Ordinal);
            var page = hash < 0 ? link : link[..hash];
            var anchor = hash < 0 ? "" : link[(hash + 1)..];
            if (page != DiagnosticsPage.Address)
            {
                problems.Add(
                    $"{descriptor.Id}: help link {link} is not on {DiagnosticsPage.Address}"
                );
            }
            else if (!Page.Anchors.Contains(anchor))
            {
                problems.Add($"{descriptor.Id}: help link {link} names no anchor of the page");
            }
            else if (anchor != DiagnosticsPage.Slug(descriptor.Id))
            {
                problems.Add($"{descriptor.Id}: help link {link} points at another entry");
            }
        }
        Assert.Empty(problems);
    }

    [Fact]
    public void EveryDescriptor_IsInTheAnalyzerReleases_WithItsSeverity()
    {
        var released = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (
            var file in new[] { "AnalyzerReleases.Shipped.md", "AnalyzerReleases.Unshipped.md" }
        )
        {
            var path = Path.Combine(RepositoryFiles.Root, "src", "KConnector.Generator", file);
            foreach (Match row in ReleaseRow().Matches(File.ReadAllText(path)))
            {
                released[row.Groups[1].Value] = row.Groups[2].Value;
            }
        }

        Assert.Equal(
            Descriptors.Select(d => $"{d.Id} {d.DefaultSeverity}"),
            released.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => $"{r.Key} {r.Value}")
        );
    }

    [Fact]
    public void Page_Parser_SeesAMissingAnchorAndAMissingFix()
    {
        // The checks above are only as good as the page parser: a page without an entry's fix or
        // with a heading under another name must show it.
        var page = DiagnosticsPage.Parse(
            "# T\n\n### KCN0001\n\n**Schema file is not valid JSON** (error)\n\n```json\n{\n```\n\n### KCN0002: other\n"
        );

        var entry = Assert.Single(page.Entries);
        Assert.Equal("KCN0001", entry.Id);
        Assert.True(entry.HasExample);
        Assert.False(entry.HasFix);
        Assert.Contains("kcn0001", page.Anchors);
        Assert.Contains("kcn0002-other", page.Anchors);
        Assert.DoesNotContain("kcn0002", page.Anchors);
    }

    [GeneratedRegex(@"^(KCN\d{4})\s*\|\s*\w+\s*\|\s*(\w+)\s*\|", RegexOptions.Multiline)]
    private static partial Regex ReleaseRow();
}
