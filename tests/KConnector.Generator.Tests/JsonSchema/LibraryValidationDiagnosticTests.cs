using KConnector.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace KConnector.Generator.Tests.JsonSchema;

/// <summary>
/// KCN0112 says exactly when a schema's validation is not compiled: every keyword the validation
/// planner leaves to NJsonSchema gets the warning at its own line and path, and that schema then
/// has no compiled validation file (the converter validates it with the library at run time);
/// a schema whose keywords are all compiled gets neither the warning nor the fallback.
/// </summary>
public class LibraryValidationDiagnosticTests
{
    public static TheoryData<string, string> NotCompiled =>
        new()
        {
            { "if", "\"if\": { \"required\": [\"a\"] }" },
            { "patternProperties", "\"patternProperties\": { \"^x-\": { \"type\": \"string\" } }" },
            { "dependencies", "\"dependencies\": { \"a\": [\"b\"] }" },
            { "dependentRequired", "\"dependentRequired\": { \"a\": [\"b\"] }" },
            { "propertyNames", "\"propertyNames\": { \"maxLength\": 8 }" },
            { "unevaluatedProperties", "\"unevaluatedProperties\": false" },
        };

    [Theory]
    [MemberData(nameof(NotCompiled))]
    public void AKeywordTheValidationDoesNotCompile_IsReported_AndTheSchemaHasNoCompiledValidation(
        string keyword,
        string member
    )
    {
        var run = new GeneratorHarness().AddSchema("order.schema.json", Schema(member)).Run();

        var warning = Assert.Single(run.Diagnostics, d => d.Id == "KCN0112");
        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
        var span = warning.Location.GetLineSpan();
        Assert.Equal("/project/order.schema.json", span.Path);
        Assert.Equal(6, span.StartLinePosition.Line + 1);
        Assert.Contains(
            $"at $.{keyword}: \"{keyword}\" is not compiled",
            warning.GetMessage(),
            StringComparison.Ordinal
        );
        Assert.Contains("validated at run time by NJsonSchema", warning.GetMessage());
        Assert.Contains(run.HintNames, h => h.EndsWith("Order.json.g.cs"));
        Assert.DoesNotContain(run.HintNames, h => h.EndsWith(".validation.g.cs"));
        Assert.Empty(run.CompileProblems());
    }

    [Fact]
    public void ASchemaOfCompiledKeywordsOnly_GetsNoWarning_AndItsCompiledValidation()
    {
        var run = new GeneratorHarness()
            .AddSchema(
                "order.schema.json",
                Schema("\"not\": { \"required\": [\"c\"] }, \"minProperties\": 1")
            )
            .Run();

        Assert.DoesNotContain(run.Diagnostics, d => d.Id == "KCN0112");
        Assert.Contains(run.HintNames, h => h.EndsWith("Order.validation.g.cs"));
    }

    private static string Schema(string member) =>
        "{\n"
        + "  \"title\": \"Order\",\n"
        + "  \"type\": \"object\",\n"
        + "  \"description\": \"An order.\",\n"
        + "  \"properties\": { \"a\": { \"type\": \"string\" }, \"b\": { \"type\": \"string\" } },\n"
        + "  "
        + member
        + "\n}";
}
