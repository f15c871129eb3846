using KConnector.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace KConnector.Generator.Tests.Transforms;

/// <summary>
/// What the compiled key chain tests share: a file connector's spec of payment.avsc values, and the
/// check that a chain which cannot compile is reported once, at the line that says why, and
/// generates no key chain.
/// </summary>
internal static class KeyChainSpecs
{
    /// <summary>payment.avsc of these specs.</summary>
    public const string Payment = """
        { "type": "record", "name": "Payment", "namespace": "Shop.Pay", "fields": [
          { "name": "id", "type": "string" }, { "name": "amount", "type": "double" },
          { "name": "card", "type": "string" }, { "name": "cvv", "type": "int" },
          { "name": "note", "type": ["null", "string"], "default": null } ] }
        """;

    /// <summary>A spec of payment.avsc values whose transforms are <paramref name="aliases"/>; the transforms.* keys from line 9 on.</summary>
    public static string Spec(string connector, string aliases, params string[] keys) =>
        "{\n"
        + "  \"name\": \"payments\",\n"
        + "  \"config\": {\n"
        + $"    \"connector.class\": \"{connector}\",\n"
        + (connector == "FileStreamSink" ? "    \"topics\"" : "    \"topic\"")
        + ": \"payments\",\n"
        + "    \"file\": \"in.jsonl\",\n"
        + "    \"value.schema\": \"payment.avsc\",\n"
        + $"    \"transforms\": \"{aliases}\""
        + string.Concat(keys.Select(k => ",\n    " + k))
        + "\n  }\n}\n";

    /// <summary>The generator run on <paramref name="payment"/> (payment.avsc) and the <see cref="Spec"/> of <paramref name="connector"/>.</summary>
    public static GeneratorRun Run(
        string payment,
        string connector,
        string aliases,
        params string[] keys
    ) =>
        new GeneratorHarness()
            .AddSchema("payment.avsc", payment)
            .AddSchema("payments.connector.json", Spec(connector, aliases, keys))
            .Run();

    /// <summary>The one diagnostic <paramref name="among"/> selects is <paramref name="id"/> at <paramref name="line"/> saying <paramref name="fragment"/>; no key chain.</summary>
    public static void AssertRefused(
        GeneratorRun run,
        Func<Diagnostic, bool> among,
        string name,
        string id,
        int line,
        string fragment
    )
    {
        Assert.All(run.Result.Results, r => Assert.Null(r.Exception));
        var diagnostic = Assert.Single(run.Diagnostics, d => among(d));
        var at = diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1;
        Assert.True(
            diagnostic.Id == id
                && at == line
                && diagnostic.GetMessage().Contains(fragment, StringComparison.Ordinal),
            name + ": got " + diagnostic.Id + " at line " + at + ": " + diagnostic.GetMessage()
        );
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.DoesNotContain(
            run.HintNames,
            h => h.EndsWith(".KeyChain.g.cs", StringComparison.Ordinal)
        );
    }
}
