using KConnector.Generator.Tests.Infrastructure;

namespace KConnector.Generator.Tests.Plugins;

/// <summary>
/// A project's own transformation in a chain the build compiles (docs/transforms.md, "Compiled at
/// build time"): it is a run-time stage, so it may come before the compiled stages (which run last,
/// in the value converter) and is refused after one (KCN0258), as a package's transformation is.
/// </summary>
public sealed class ProjectTransformChainTests
{
    private const string Payment = """
        { "type": "record", "name": "Payment", "namespace": "Shop.Pay", "fields": [
          { "name": "id", "type": "string" }, { "name": "card", "type": "string" } ] }
        """;

    private const string Stamp = """
        using KConnector.Configuration;
        using KConnector.Plugins;
        using KConnector.Transforms;

        namespace Shop.Transforms;

        [ConnectPlugin("Shop.Transforms.Stamp", PluginKind.Transformation, Aliases = ["Stamp"])]
        internal static partial class Stamp
        {
            public static ITransformation Create(ParsedConfig config) => new StampTransformation();
        }

        internal sealed class StampTransformation : ITransformation
        {
            public ConnectRecord<TKey, TValue>? Apply<TKey, TValue>(ConnectRecord<TKey, TValue> record) =>
                record with { Headers = [.. record.Headers, new KConnector.Records.RecordHeader("stamped", (byte[]?)null)] };
        }
        """;

    /// <summary>A file source of payment.avsc values whose chain is <paramref name="aliases"/> (line 9).</summary>
    private static string Spec(string aliases) =>
        $$"""
            {
              "name": "payments",
              "config": {
                "connector.class": "FileStreamSource",
                "topic": "payments",
                "file": "in.jsonl",
                "value.schema": "payment.avsc",
                "transforms.stamp.type": "Stamp",
                "transforms": "{{aliases}}",
                "transforms.mask.type": "MaskField$Value",
                "transforms.mask.fields": "card"
              }
            }
            """;

    private static GeneratorRun Run(string aliases) =>
        new GeneratorHarness()
            .AddSchema("payment.avsc", Payment)
            .AddSchema("payments.connector.json", Spec(aliases))
            .AddSource(Stamp)
            .Run();

    [Fact]
    public void BeforeACompiledStage_BothRun_TheCompiledOneInTheConverter()
    {
        var run = Run("stamp,mask");

        Assert.Empty(run.Diagnostics);
        Assert.Empty(run.CompileProblems());
        Assert.Contains(
            run.HintNames,
            h => h.EndsWith(".ValueChain.g.cs", StringComparison.Ordinal)
        );
        Assert.Contains(
            "RegisterTransformation(typeof(global::Shop.Transforms.Stamp)",
            run.Source("KConnector.TransformationRegistrations.g.cs"),
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void AfterACompiledStage_IsKcn0258_AtItsType()
    {
        var run = Run("mask,stamp");

        var diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal("KCN0258", diagnostic.Id);
        Assert.Contains(
            "it is a user transformation after a compiled one",
            diagnostic.GetMessage(),
            StringComparison.Ordinal
        );
        Assert.StartsWith(
            "payments.connector.json, line 8,",
            diagnostic.GetMessage(),
            StringComparison.Ordinal
        );
    }
}
