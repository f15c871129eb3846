using KConnector.Generator.Connectors;
using KConnector.Generator.Helpers;

namespace KConnector.Generator.Tests.Connectors;

/// <summary>The generator never throws: every truncation and many corruptions of a spec give diagnostics, not crashes.</summary>
public class ConnectorSpecParserRobustnessTests
{
    private static readonly EquatableArray<SchemaTypeEntry> Index = new[]
    {
        new SchemaTypeEntry(
            "/project/order.avsc",
            "Order",
            "Shop.Orders.Order",
            TypeFormats.AvroRecord
        ),
    }.ToEquatableArray();

    [Fact]
    public void EveryTruncation_IsReportedWithoutACrash()
    {
        var text = ConnectorTexts.FileSinkSpec;
        for (var length = 0; length < text.Length; length++)
        {
            AssertHandled(text[..length]);
        }
    }

    [Fact]
    public void RandomCorruptions_AreReportedWithoutACrash()
    {
        var random = new Random(20261121);
        var alphabet = "{}[]\":,0123456789-.eE \\ntrufalsn$ab";
        var text = ConnectorTexts.FileSinkSpec + "\n" + ConnectorTexts.SourceSpec;
        for (var i = 0; i < 2000; i++)
        {
            var chars = text.ToCharArray();
            for (var edits = random.Next(1, 4); edits > 0; edits--)
            {
                chars[random.Next(chars.Length)] = alphabet[random.Next(alphabet.Length)];
            }
            AssertHandled(new string(chars));
        }
    }

    private static readonly KConnector.Generator.Plugins.PluginCatalog Catalog = Infrastructure
        .GeneratorHarness
        .Catalog;

    private static void AssertHandled(string text)
    {
        var parsed = ConnectorSpecParser.Parse(
            new ConnectorSource(
                "/project/bad.connector.json",
                text,
                string.Empty,
                string.Empty,
                true,
                "App"
            ),
            Catalog
        );
        var resolved = ConnectorSpecResolver.Resolve(
            parsed,
            Index,
            Catalog,
            EquatableArray<AttributeDraft>.Empty
        );

        Assert.DoesNotContain(resolved.Diagnostics, d => d.Descriptor.Id == "KCN0099");
        Assert.True(
            resolved.Model is not null || resolved.Diagnostics.Count > 0,
            "neither a model nor a diagnostic for: " + text
        );
    }
}
