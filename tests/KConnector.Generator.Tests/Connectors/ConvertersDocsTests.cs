using System.Text;
using KConnector.Generator.Connectors;
using KConnector.Generator.Plugins;

namespace KConnector.Generator.Tests.Connectors;

/// <summary>
/// The table of converters in docs/connector-specs.md is generated from the converter descriptors
/// the generator reads (src/KConnector/Converters/Plugins); this fails when it drifts.
/// KCONNECTOR_ACCEPT_DOCS=1 rewrites it.
/// </summary>
public class ConvertersDocsTests
{
    private const string Start =
        "<!-- converters:start (generated from the converter descriptors; do not edit) -->";
    private const string End = "<!-- converters:end -->";

    [Fact]
    public void ConnectorSpecsPage_ListsEveryConverter_WithItsSettings()
    {
        var path = Path.Combine(RepositoryFiles.Root, "docs", "connector-specs.md");
        var text = File.ReadAllText(path);
        var start = text.IndexOf(Start, StringComparison.Ordinal);
        var end = text.IndexOf(End, StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, path + " has no converters markers");
        var table = Table(Infrastructure.GeneratorHarness.Catalog);
        if (Environment.GetEnvironmentVariable("KCONNECTOR_ACCEPT_DOCS") == "1")
        {
            File.WriteAllText(path, text[..(start + Start.Length)] + "\n" + table + text[end..]);
            return;
        }
        Assert.Equal(table, text[(start + Start.Length + 1)..end].ReplaceLineEndings("\n"));
    }

    private static string Table(PluginCatalog catalog)
    {
        var text = new StringBuilder();
        text.Append(
            "| converter | aliases | carries | default for | settings (`key.converter.*` / `value.converter.*`) |\n"
        );
        text.Append("|---|---|---|---|---|\n");
        foreach (var converter in ConverterCatalog.Converters(catalog))
        {
            var defaultFor = new[]
            {
                (TypeFormats.AvroRecord, "an `.avsc` record"),
                (TypeFormats.JsonSchemaRecord, "a `.schema.json` type"),
                (TypeFormats.ProtobufMessage, "a Protobuf message"),
                (TypeFormats.String, "`string`"),
                (TypeFormats.Bytes, "`byte[]`"),
            }
                .Where(f => ConverterCatalog.DefaultFor(catalog, f.Item1) == converter)
                .Select(f => f.Item2);
            var settings = converter.Keys.Select(k =>
                "`"
                + k.Name
                + "`"
                + (k.Default is { Length: > 0 } d ? " (" + d + ")" : string.Empty)
            );
            text.Append($"| `{converter.ClassName}` | ")
                .Append(string.Join(", ", converter.Aliases.Select(a => "`" + a + "`")))
                .Append(" | ")
                .Append(ConverterCatalog.Requirement(converter, "the schema key"))
                .Append(" | ")
                .Append(string.Join(", ", defaultFor))
                .Append(" | ")
                .Append(string.Join(", ", settings))
                .Append(" |\n");
        }
        return text.ToString();
    }
}
