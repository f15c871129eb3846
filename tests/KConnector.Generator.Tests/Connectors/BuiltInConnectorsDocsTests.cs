using System.Text;
using KConnector.Generator.Connectors;

namespace KConnector.Generator.Tests.Connectors;

/// <summary>
/// The table of built-in connector classes in docs/connector-specs.md is generated from
/// the plugin descriptors of the connector assemblies; this fails when it drifts. KCONNECTOR_ACCEPT_DOCS=1 rewrites it.
/// </summary>
public class BuiltInConnectorsDocsTests
{
    private const string Start =
        "<!-- built-in-connectors:start (generated from the plugin descriptors; do not edit) -->";
    private const string End = "<!-- built-in-connectors:end -->";

    [Fact]
    public void ConnectorSpecsPage_ListsEveryBuiltInRow()
    {
        var path = Path.Combine(RepositoryFiles.Root, "docs", "connector-specs.md");
        var text = File.ReadAllText(path);
        var start = text.IndexOf(Start, StringComparison.Ordinal);
        var end = text.IndexOf(End, StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, path + " has no built-in-connectors markers");
        var table = Table();
        if (Environment.GetEnvironmentVariable("KCONNECTOR_ACCEPT_DOCS") == "1")
        {
            File.WriteAllText(path, text[..(start + Start.Length)] + "\n" + table + text[end..]);
            return;
        }
        Assert.Equal(table, text[(start + Start.Length + 1)..end].ReplaceLineEndings("\n"));
    }

    private static string Table()
    {
        var text = new StringBuilder();
        text.Append("| `connector.class` | aliases | kind | key / value | package | own keys |\n");
        text.Append("|---|---|---|---|---|---|\n");
        foreach (var row in Infrastructure.GeneratorHarness.Catalog.Plugins)
        {
            var types =
                (row.KeyMayBeRecord ? "string or `key.schema`" : "string")
                + " / "
                + (
                    row.ValueMustBeRecord ? "`value.schema` (required)" : "string or `value.schema`"
                );
            var keys = string.Join(
                ", ",
                row.Keys.Select(k =>
                    "`" + k.Name + "`" + (k.Required ? " (required)" : string.Empty)
                )
            );
            text.Append(
                    $"| `{row.ClassName}` | {string.Join(", ", row.Aliases.Select(a => "`" + a + "`"))} "
                )
                .Append(
                    $"| {(row.Kind == ConnectorKind.Source ? "source" : "sink")} | {types} | `{row.Assembly}` | {keys} |\n"
                );
        }
        return text.ToString();
    }
}
