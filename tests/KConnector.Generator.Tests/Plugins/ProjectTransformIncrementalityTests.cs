using KConnector.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace KConnector.Generator.Tests.Plugins;

/// <summary>
/// The project's transformation descriptors are read one class at a time into equatable models:
/// an unrelated edit leaves every step Cached or Unchanged; an edit of a descriptor re-runs its own
/// step and what reads the catalog (the specs), never the schema pipelines or the attribute
/// connectors; an edit of the transformation's code beside it changes no model.
/// </summary>
public sealed class ProjectTransformIncrementalityTests
{
    private const string Implementation = """
        using KConnector.Records;
        using KConnector.Transforms;

        namespace Shop.Transforms;

        internal sealed class TagTransformation(string tag) : ITransformation
        {
            public ConnectRecord<TKey, TValue>? Apply<TKey, TValue>(ConnectRecord<TKey, TValue> record) => record;
        }
        """;

    private const string Descriptor = """
        using KConnector.Configuration;
        using KConnector.Plugins;

        namespace Shop.Transforms;

        [ConnectPlugin("Shop.Transforms.Tag", PluginKind.Transformation, Aliases = ["Tag"])]
        [ConfigKey("tag", ConfigType.String, Required = true, Documentation = "Written before each value.")]
        internal static partial class Tag
        {
            public static TagTransformation Create(ParsedConfig config) => new(config.Get<string>("tag")!);
        }
        """;

    private const string Spec = """
        {
          "name": "orders-file-source",
          "config": {
            "connector.class": "FileStreamSource",
            "file": "orders.jsonl",
            "topic": "orders",
            "value.converter": "io.confluent.connect.avro.AvroConverter",
            "value.schema": "order.avsc",
            "transforms": "tag",
            "transforms.tag.type": "Tag",
            "transforms.tag.tag": "shop"
          }
        }
        """;

    [Fact]
    public void AnUnrelatedEdit_LeavesEveryStepCachedOrUnchanged()
    {
        var (driver, compilation, _) = FirstRun();

        var second = driver
            .RunGenerators(compilation.AddSyntaxTrees(Parse("public class B { }")))
            .GetRunResult()
            .Results.Single();

        // The steps this project has inputs for (IncrementalityTests checks that every step is tracked).
        foreach (
            var name in KConnectorGeneratorStepNames.All.Where(second.TrackedSteps.ContainsKey)
        )
        {
            Assert.All(Reasons(second, name), r => AssertCachedOrUnchanged(name, r));
        }
    }

    [Fact]
    public void AnEditOfTheTransformationsCode_ChangesNoModel()
    {
        var (driver, compilation, trees) = FirstRun();

        var edited = compilation.ReplaceSyntaxTree(
            trees.Implementation,
            Parse(Implementation.Replace("=> record;", "=> record with { Topic = record.Topic };"))
        );
        var second = driver.RunGenerators(edited).GetRunResult().Results.Single();

        // The steps this project has inputs for (IncrementalityTests checks that every step is tracked).
        foreach (
            var name in KConnectorGeneratorStepNames.All.Where(second.TrackedSteps.ContainsKey)
        )
        {
            Assert.All(Reasons(second, name), r => AssertCachedOrUnchanged(name, r));
        }
    }

    [Fact]
    public void AnEditOfTheDescriptor_ReRunsItsStepAndTheSpecs_NotTheSchemasOrTheConnectorClasses()
    {
        var (driver, compilation, trees) = FirstRun();

        var edited = compilation.ReplaceSyntaxTree(
            trees.Descriptor,
            Parse(Descriptor.Replace("Written before each value.", "Put before each value."))
        );
        var second = driver.RunGenerators(edited).GetRunResult().Results.Single();

        Assert.Contains(
            IncrementalStepRunReason.Modified,
            Reasons(second, KConnectorGeneratorStepNames.ProjectTransformPlugins)
        );
        Assert.Contains(
            IncrementalStepRunReason.Modified,
            Reasons(second, KConnectorGeneratorStepNames.ProjectPluginCatalog)
        );
        foreach (
            var name in new[]
            {
                KConnectorGeneratorStepNames.SchemaFiles,
                KConnectorGeneratorStepNames.ParsedSchemas,
                KConnectorGeneratorStepNames.AvroTypes,
                KConnectorGeneratorStepNames.ConnectorSpecFiles,
                KConnectorGeneratorStepNames.PluginCatalog,
            }
        )
        {
            Assert.All(Reasons(second, name), r => AssertCachedOrUnchanged(name, r));
        }
    }

    private static (
        GeneratorDriver Driver,
        CSharpCompilation Compilation,
        (SyntaxTree Descriptor, SyntaxTree Implementation) Trees
    ) FirstRun()
    {
        var harness = new GeneratorHarness()
            .AddSchema("order.avsc", Schemas.Order)
            .AddSchema("orders.connector.json", Spec)
            .AddSource(Descriptor)
            .AddSource(Implementation)
            .AddSource("public class A { }");
        var compilation = harness.CreateCompilation();
        var driver = harness.CreateDriver().RunGenerators(compilation);
        var first = driver.GetRunResult();
        Assert.Empty(first.Diagnostics);
        Assert.Contains(
            first.Results.Single().GeneratedSources,
            s => s.HintName == "KConnector.TransformationRegistrations.g.cs"
        );
        var trees = compilation.SyntaxTrees.ToList();
        return (driver, compilation, (trees[0], trees[1]));
    }

    private static SyntaxTree Parse(string code) =>
        CSharpSyntaxTree.ParseText(code, new CSharpParseOptions(LanguageVersion.Latest));

    private static IEnumerable<IncrementalStepRunReason> Reasons(
        GeneratorRunResult result,
        string step
    )
    {
        Assert.True(result.TrackedSteps.ContainsKey(step), $"step {step} is not tracked");
        return result.TrackedSteps[step].SelectMany(s => s.Outputs).Select(o => o.Reason);
    }

    private static void AssertCachedOrUnchanged(string step, IncrementalStepRunReason reason) =>
        Assert.True(
            reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
            $"step {step} was {reason}"
        );
}
