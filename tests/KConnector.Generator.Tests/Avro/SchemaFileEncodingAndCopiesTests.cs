using System.Globalization;
using System.Text;
using KConnector.Generator.Tests.Connectors;
using KConnector.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace KConnector.Generator.Tests.Avro;

/// <summary>
/// Files as users really have them (issue 20, item 10): a byte that is not UTF-8, a file saved as
/// UTF-16, the same schema copied into two folders. Each gets a precise KCN message, or compiles.
/// </summary>
public class SchemaFileEncodingAndCopiesTests
{
    [Fact]
    public void IdenticalCopiesInSiblingFolders_GenerateTheTypeOnce()
    {
        var run = new GeneratorHarness()
            .AddSchema("billing/order.avsc", Schemas.Order)
            .AddSchema("shipping/order.avsc", Schemas.Order)
            .Run();

        // Was "defined differently" / "also generated from order.avsc" (the file itself).
        var warning = Assert.Single(run.Diagnostics);
        Assert.Equal("KCN0017", warning.Id);
        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
        Assert.StartsWith(
            "order.avsc, line 1, at $: this file is an identical copy of billing/order.avsc; the type Shop.Orders.Order is generated once",
            Message(warning),
            StringComparison.Ordinal
        );
        Assert.Equal("/project/shipping/order.avsc", warning.Location.GetLineSpan().Path);
        Assert.Single(run.HintNames, h => h.EndsWith(".Order.g.cs", StringComparison.Ordinal));
        Assert.Empty(run.CompileProblems());
    }

    [Fact]
    public void DifferentCopiesInSiblingFolders_NameTheOtherFileByItsFolder()
    {
        var run = new GeneratorHarness()
            .AddSchema("billing/order.avsc", Schemas.Order)
            .AddSchema(
                "shipping/order.avsc",
                Schemas.Order.Replace("\"order_id\"", "\"id\"", StringComparison.Ordinal)
            )
            .Run();

        var error = Assert.Single(run.Diagnostics);
        Assert.Equal("KCN0011", error.Id);
        Assert.Contains(
            "already defined differently in billing/order.avsc",
            Message(error),
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void ASchemaWithAByteThatIsNotUtf8_IsKCN0001_AtThatLine()
    {
        // What the compiler makes of a Latin-1 "é" in a file read as UTF-8: U+FFFD.
        var text = Schemas.Order.Replace(
            "\"order_id\"",
            "\"order_\uFFFDid\"",
            StringComparison.Ordinal
        );
        var line =
            text[..text.IndexOf('\uFFFD', StringComparison.Ordinal)].Count(c => c == '\n') + 1;

        var error = Assert.Single(
            new GeneratorHarness().AddSchema("order.avsc", text).Run().Diagnostics
        );

        Assert.Equal("KCN0001", error.Id);
        Assert.StartsWith(
            $"order.avsc, line {line}, at $: ",
            Message(error),
            StringComparison.Ordinal
        );
        Assert.Contains("not valid UTF-8 here", Message(error), StringComparison.Ordinal);
    }

    [Fact]
    public void ASchemaSavedAsUtf16WithoutABom_IsKCN0001_SayingSo()
    {
        var text = Encoding.UTF8.GetString(Encoding.Unicode.GetBytes(Schemas.Order));

        var error = Assert.Single(
            new GeneratorHarness().AddSchema("order.avsc", text).Run().Diagnostics
        );

        Assert.Equal("KCN0001", error.Id);
        Assert.Contains(
            "saved as UTF-16 without a byte-order mark; save it as UTF-8",
            Message(error),
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void ASpecWithAByteThatIsNotUtf8_IsAnError_NotAFileNamedWithU_FFFD()
    {
        var spec = ConnectorTexts.FileSinkSpec.Replace(
            "out/orders.jsonl",
            "out/orders\uFFFD.jsonl",
            StringComparison.Ordinal
        );
        var line =
            spec[..spec.IndexOf('\uFFFD', StringComparison.Ordinal)].Count(c => c == '\n') + 1;

        var run = new GeneratorHarness()
            .AddSchema("order.avsc", Schemas.Order)
            .AddSchema("orders.connector.json", spec)
            .Run();

        var error = Assert.Single(run.Diagnostics);
        Assert.Equal(DiagnosticSeverity.Error, error.Severity);
        Assert.StartsWith(
            $"orders.connector.json, line {line}, at $: ",
            Message(error),
            StringComparison.Ordinal
        );
        Assert.Contains("not valid UTF-8 here", Message(error), StringComparison.Ordinal);
    }

    [Fact]
    public void AJsonSchemaSavedAsUtf16WithoutABom_SaysSo()
    {
        var text = Encoding.UTF8.GetString(
            Encoding.Unicode.GetBytes("""{"title": "Order", "type": "object"}""")
        );

        var error = Assert.Single(
            new GeneratorHarness().AddSchema("order.schema.json", text).Run().Diagnostics
        );

        Assert.Contains("saved as UTF-16", Message(error), StringComparison.Ordinal);
    }

    private static string Message(Diagnostic d) => d.GetMessage(CultureInfo.InvariantCulture);
}
