using KConnector.Generator.Tests.Infrastructure;

namespace KConnector.Generator.Tests.Plugins;

/// <summary>
/// A project's transformation or predicate descriptor that the worker could not register is a
/// build error at its <c>[ConnectPlugin]</c> attribute, once: KCN0271 (no Create the registration
/// can call), KCN0272 (a name another plugin of its kind answers to).
/// </summary>
public sealed class ProjectTransformDescriptorTests
{
    private const string Prelude = """
        using KConnector.Configuration;
        using KConnector.Plugins;
        using KConnector.Transforms;

        namespace Shop.Transforms;

        """;

    [Theory]
    [InlineData(
        "public static string Create(ParsedConfig config) => \"\";",
        "no static Create(ParsedConfig config) returning ITransformation"
    )]
    [InlineData(
        "public static ITransformation Create(string config) => null!;",
        "no static Create(ParsedConfig config) returning ITransformation"
    )]
    [InlineData("", "no static Create(ParsedConfig config) returning ITransformation")]
    public void ADescriptorWithoutAUsableCreate_IsKcn0271_AtItsAttribute_AndASpecNamingItGetsNoSecondError(
        string create,
        string problem
    )
    {
        var run = new GeneratorHarness()
            .AddSource(
                Prelude
                    + "[ConnectPlugin(\"Shop.Transforms.Stamp\", PluginKind.Transformation, Aliases = [\"Stamp\"])]\n"
                    + "public static partial class Stamp\n{\n    "
                    + create
                    + "\n}\n"
            )
            .AddSchema("order.avsc", Schemas.Order)
            .AddSchema("stamp.connector.json", SpecNaming("Stamp"))
            .Run();

        var diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal("KCN0271", diagnostic.Id);
        Assert.Contains("Shop.Transforms.Stamp", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Contains(problem, diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Equal(5, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
        // Not registered: the generated module initializer would not compile.
        Assert.DoesNotContain("KConnector.TransformationRegistrations.g.cs", run.HintNames);
    }

    [Fact]
    public void APredicateWhoseCreateMakesATransformation_IsKcn0271()
    {
        var run = new GeneratorHarness()
            .AddSource(
                Prelude
                    + """
                    [ConnectPlugin("Shop.Transforms.Always", PluginKind.Predicate)]
                    public static partial class Always
                    {
                        public static ITransformation Create(ParsedConfig config) => null!;
                    }
                    """
            )
            .Run();

        var diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal("KCN0271", diagnostic.Id);
        Assert.Contains("returning IPredicate", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Shop.Transforms.Filter", "Filter", "KConnector.Transforms.Filter")]
    [InlineData(
        "Shop.Transforms.Drop",
        "org.apache.kafka.connect.transforms.Filter",
        "KConnector.Transforms.Filter"
    )]
    public void ADescriptorAnsweringToABuiltInsName_IsKcn0272(
        string className,
        string alias,
        string taken
    )
    {
        var run = new GeneratorHarness()
            .AddSource(
                Prelude
                    + $$"""
                    [ConnectPlugin("{{className}}", PluginKind.Transformation, Aliases = ["{{alias}}"])]
                    public static partial class Drop
                    {
                        public static ITransformation Create(ParsedConfig config) => null!;
                    }
                    """
            )
            .Run();

        var diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal("KCN0272", diagnostic.Id);
        Assert.Contains("\"" + alias + "\"", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Contains(taken, diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.DoesNotContain("KConnector.TransformationRegistrations.g.cs", run.HintNames);
    }

    [Fact]
    public void TwoOfTheProjectsDescriptorsAnsweringToOneName_TheSecondIsKcn0272()
    {
        var run = new GeneratorHarness()
            .AddSource(
                Prelude
                    + """
                    [ConnectPlugin("Shop.Transforms.One", PluginKind.Transformation, Aliases = ["Same"])]
                    public static partial class One
                    {
                        public static ITransformation Create(ParsedConfig config) => null!;
                    }

                    [ConnectPlugin("Shop.Transforms.Two", PluginKind.Transformation, Aliases = ["Same"])]
                    public static partial class Two
                    {
                        public static ITransformation Create(ParsedConfig config) => null!;
                    }
                    """
            )
            .Run();

        var diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal("KCN0272", diagnostic.Id);
        Assert.Contains("Shop.Transforms.Two", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Contains("Shop.Transforms.One", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Empty(run.CompileProblems());
    }

    [Fact]
    public void APredicateMayShareATransformationsName_AsInKafkaConnect()
    {
        var run = new GeneratorHarness()
            .AddSource(
                Prelude
                    + """
                    [ConnectPlugin("Shop.Transforms.Tombstones", PluginKind.Predicate, Aliases = ["Filter"])]
                    public static partial class Tombstones
                    {
                        public static IPredicate Create(ParsedConfig config) => null!;
                    }
                    """
            )
            .Run();

        Assert.Empty(run.Diagnostics);
        Assert.Empty(run.CompileProblems());
    }

    private static string SpecNaming(string type) =>
        $$"""
            {
              "name": "stamp",
              "config": {
                "connector.class": "FileStreamSource",
                "file": "in.txt",
                "topic": "stamped",
                "value.converter": "io.confluent.connect.avro.AvroConverter",
                "value.schema": "order.avsc",
                "transforms": "stamp",
                "transforms.stamp.type": "{{type}}"
              }
            }
            """;
}
