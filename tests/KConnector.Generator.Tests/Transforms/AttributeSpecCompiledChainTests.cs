using KConnector.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace KConnector.Generator.Tests.Transforms;

/// <summary>
/// The spec of a [SourceConnector] class of the project gets its field-level value transformations
/// compiled as a built-in source's spec does, on the class's value type (docs/transforms.md,
/// "Compiled at build time"); the spec of a [SinkConnector] class is refused (KCN0250) because the
/// class's PutAsync takes its own value type, not the chain's output.
/// </summary>
public class AttributeSpecCompiledChainTests
{
    private const string Payment = """
        { "type": "record", "name": "Payment", "namespace": "Shop.Pay", "fields": [
          { "name": "id", "type": "string" }, { "name": "amount", "type": "double" },
          { "name": "card", "type": "string" } ] }
        """;

    private const string Classes = """
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;
        using KConnector.Connectors;
        using KConnector.Records;
        using Shop.Pay;

        namespace Shop.Connectors;

        [SourceConnector("payments-source", ValueType = typeof(Payment))]
        public partial class PaymentSource
        {
            public ValueTask<IReadOnlyList<SourceRecord<string, Payment>>> PollAsync(CancellationToken cancellationToken) =>
                ValueTask.FromResult<IReadOnlyList<SourceRecord<string, Payment>>>([]);
        }

        [SinkConnector("payments-sink", ValueType = typeof(Payment), Topics = "payments")]
        public partial class PaymentSink
        {
            public ValueTask PutAsync(IReadOnlyList<SinkRecord<string, Payment>> records, CancellationToken cancellationToken) => default;
        }
        """;

    private static string Spec(string name, string connectorClass) =>
        "{\n"
        + "  \"name\": \""
        + name
        + "\",\n"
        + "  \"config\": {\n"
        + "    \"connector.class\": \""
        + connectorClass
        + "\",\n"
        + "    \"transforms\": \"insert,cast\",\n"
        + "    \"transforms.insert.type\": \"InsertField$Value\",\n"
        + "    \"transforms.insert.static.field\": \"source\",\n"
        + "    \"transforms.insert.static.value\": \"shop\",\n"
        + "    \"transforms.cast.type\": \"Cast$Value\",\n"
        + "    \"transforms.cast.spec\": \"amount:string\"\n"
        + "  }\n"
        + "}\n";

    [Fact]
    public void SourceClassSpec_CompilesTheChainOnTheClasssValueType()
    {
        var run = new GeneratorHarness()
            .AddSchema("payment.avsc", Payment)
            .AddSource(Classes)
            .AddSchema(
                "shop-payments.connector.json",
                Spec("shop-payments", "Shop.Connectors.PaymentSource")
            )
            .Run();

        Assert.Empty(run.Diagnostics);
        Assert.Empty(run.CompileProblems());
        var chain = run.Source(
            run.HintNames.Single(h => h.EndsWith(".ValueChain.g.cs", StringComparison.Ordinal))
        );
        Assert.Contains(
            "global::KConnector.Generated.ShopPaymentsOutput.Payment Apply(string topic, global::Shop.Pay.Payment value)",
            chain,
            StringComparison.Ordinal
        );
        Assert.Contains("Source = \"shop\",", chain, StringComparison.Ordinal);
        var worker = run.Source(
            run.HintNames.Single(h =>
                h.EndsWith("ShopPayments.Worker.g.cs", StringComparison.Ordinal)
            )
        );
        Assert.Contains(
            "new global::KConnector.Transforms.Compiled.SourceChainConverter<global::Shop.Pay.Payment, global::",
            worker,
            StringComparison.Ordinal
        );
        Assert.Contains("}, \"insert\", \"cast\");", worker, StringComparison.Ordinal);
    }

    [Fact]
    public void SinkClassSpec_IsKcn0250_NamingTheClasssValueType()
    {
        var run = new GeneratorHarness()
            .AddSchema("payment.avsc", Payment)
            .AddSource(Classes)
            .AddSchema(
                "shop-payments.connector.json",
                Spec("shop-payments", "Shop.Connectors.PaymentSink")
            )
            .Run();

        var refused = run.Diagnostics.Where(d => d.Id == "KCN0250").ToList();
        Assert.Equal(2, refused.Count);
        Assert.All(refused, d => Assert.Equal(DiagnosticSeverity.Error, d.Severity));
        Assert.Equal(
            [6, 9],
            refused.Select(d => d.Location.GetLineSpan().StartLinePosition.Line + 1)
        );
        Assert.Contains(
            "the [SinkConnector] class's PutAsync takes its own value type (Shop.Pay.Payment), which the chain's output record is not",
            refused[0].GetMessage(),
            StringComparison.Ordinal
        );
    }
}
