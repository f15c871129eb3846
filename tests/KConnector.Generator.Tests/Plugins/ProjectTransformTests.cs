using System.Text;
using Confluent.Kafka;
using KConnector.Generator.Tests.Infrastructure;
using KConnector.Kafka;
using Microsoft.CodeAnalysis;

namespace KConnector.Generator.Tests.Plugins;

/// <summary>
/// Issue 15 item 5: a transformation and a predicate written in the project itself (a
/// <c>[ConnectPlugin]</c> descriptor beside the specs, not in a referenced package) are named by
/// the project's spec, checked against their <c>[ConfigKey]</c>s at build time, registered by the
/// generated module initializer and run by the generated worker.
/// </summary>
public sealed class ProjectTransformTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("kconnector-tag").FullName;

    /// <summary>The project's own plugins, as a user writes them next to the spec.</summary>
    internal const string Source = """
        using KConnector.Configuration;
        using KConnector.Plugins;
        using KConnector.Records;
        using KConnector.Transforms;

        namespace Shop.Transforms;

        [ConnectPlugin("Shop.Transforms.Tag", PluginKind.Transformation, Aliases = ["Tag"])]
        [ConfigKey("tag", ConfigType.String, Required = true, Pattern = "[a-z]+", Documentation = "Written before each value, in brackets.")]
        [ConfigKey("repeat", ConfigType.Int, Default = "1", Min = 1, Max = 3, Documentation = "How many times.")]
        internal static partial class Tag
        {
            public static TagTransformation Create(ParsedConfig config) =>
                new(string.Concat(System.Linq.Enumerable.Repeat("[" + config.Get<string>("tag") + "]", config.Get<int>("repeat"))));
        }

        internal sealed class TagTransformation(string tag) : ITransformation
        {
            public ConnectRecord<TKey, TValue>? Apply<TKey, TValue>(ConnectRecord<TKey, TValue> record) =>
                record.Value is string text ? record with { Value = (TValue)(object)(tag + text) } : record;
        }

        [ConnectPlugin("Shop.Transforms.ValueContains", PluginKind.Predicate)]
        [ConfigKey("text", ConfigType.String, Required = true, Documentation = "What a matching value contains.")]
        public static partial class ValueContains
        {
            public static IPredicate Create(ParsedConfig config) => new ValueContainsPredicate(config.Get<string>("text")!);
        }

        public sealed class ValueContainsPredicate(string text) : IPredicate
        {
            public bool Test<TKey, TValue>(ConnectRecord<TKey, TValue> record) =>
                record.Value is string value && value.Contains(text, System.StringComparison.Ordinal);
        }
        """;

    private static readonly string Transforms = Chain();

    /// <summary>The chain's keys; the two settings stand on line 9 of the spec.</summary>
    private static string Chain(
        string tag = "\"transforms.tag.tag\": \"shop\", \"transforms.tag.repeat\": 2",
        string text = "\"predicates.sevens.text\": \"7\""
    ) =>
        $$"""
            "audit.file": "set-at-run-time.log",
                "transforms": "tag", "transforms.tag.type": "Tag", "transforms.tag.predicate": "sevens",
                "predicates": "sevens", "predicates.sevens.type": "Shop.Transforms.ValueContains",
                {{tag}}{{(tag.Length > 0 && text.Length > 0 ? ", " : "")}}{{text}}
            """;

    [Fact]
    public async Task ASpecNamingTheProjectsTransformAndPredicate_RunsThemOnTheEmbeddedCluster()
    {
        const int Total = 20;
        var topic = "tag-in-" + Guid.NewGuid().ToString("N")[..8];
        var output = Path.Combine(_folder, "audit.log");
        using var kafka = EmbeddedKafka.Start(brokerCount: 1, initialRebalanceDelay: TimeSpan.Zero);
        kafka.CreateTopic(topic, partitions: 1);
        await ProduceAsync(kafka.BootstrapServers, topic, Total);
        var assembly = ThirdPartyPluginTests.Compile(
            ThirdPartyPluginTests.Spec("AuditSink", topic, Transforms),
            Source
        );

        await ThirdPartyPluginTests.RunUntilAsync(
            assembly,
            kafka.BootstrapServers,
            output,
            () => Lines(output).Length >= Total
        );

        // Only the values the predicate matches (event-7, event-17) are tagged, twice (repeat=2).
        Assert.Equal(
            Enumerable
                .Range(0, Total)
                .Select(n => "audit:" + (n % 10 == 7 ? "[shop][shop]" : "") + "event-" + n)
                .Order(StringComparer.Ordinal),
            Lines(output).Order(StringComparer.Ordinal)
        );
    }

    [Fact]
    public void TheGeneratedRegistration_NamesTheProjectsPlugins_AndCompiles()
    {
        var run = Run(Transforms);

        Assert.Empty(run.Diagnostics);
        Assert.Empty(run.CompileProblems());
        var registration = run.Source("KConnector.TransformationRegistrations.g.cs");
        Assert.Contains(
            "RegisterTransformation(typeof(global::Shop.Transforms.Tag), \"Shop.Transforms.Tag\", new string[] { \"Tag\" }, global::Shop.Transforms.Tag.Definition, global::Shop.Transforms.Tag.Create);",
            registration,
            StringComparison.Ordinal
        );
        Assert.Contains(
            "RegisterPredicate(typeof(global::Shop.Transforms.ValueContains)",
            registration,
            StringComparison.Ordinal
        );
    }

    [Theory]
    [InlineData(
        "\"transforms.tag.tag\": \"shop\", \"transforms.tag.tga\": \"x\"",
        "KCN0262",
        "transforms.tag.tga",
        "Did you mean \"tag\"?"
    )]
    [InlineData("\"transforms.tag.tag\": \"Shop\"", "KCN0248", "transforms.tag.tag", "[a-z]+")]
    [InlineData(
        "\"transforms.tag.tag\": \"shop\", \"transforms.tag.repeat\": 4",
        "KCN0217",
        "transforms.tag.repeat",
        ""
    )]
    public void AKeyBreakingTheProjectsTransform_FailsTheBuild_AtItsLine(
        string tag,
        string id,
        string key,
        string hint
    ) => AssertOneError(Run(Chain(tag: tag)), id, key, hint);

    [Fact]
    public void AKeyThePredicateDoesNotHave_IsKcn0262_WithDidYouMean() =>
        AssertOneError(
            Run(Chain(text: "\"predicates.sevens.text\": \"7\", \"predicates.sevens.txt\": \"7\"")),
            "KCN0262",
            "predicates.sevens.txt",
            "Did you mean \"text\"?"
        );

    [Fact]
    public void ARequiredKeyOfTheProjectsPredicateLeftOut_IsKcn0265()
    {
        var run = Run(Chain(text: ""));

        var diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal("KCN0265", diagnostic.Id);
        Assert.Contains(
            "predicates.sevens.text",
            diagnostic.GetMessage(),
            StringComparison.Ordinal
        );
        Assert.Contains(
            "What a matching value contains.",
            diagnostic.GetMessage(),
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void WithoutTheProjectsDescriptor_TheTypeIsUnknown()
    {
        var run = Run(Transforms, source: "class Nothing { }");

        Assert.Contains(
            run.Diagnostics,
            d => d.Id == "KCN0260" && d.GetMessage().Contains("\"Tag\"")
        );
    }

    private static void AssertOneError(GeneratorRun run, string id, string key, string hint)
    {
        var diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal(id, diagnostic.Id);
        Assert.Contains(key, diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Contains(hint, diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.StartsWith(
            "audit.connector.json, line 9,",
            diagnostic.GetMessage(),
            StringComparison.Ordinal
        );
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static GeneratorRun Run(string transforms, string source = Source)
    {
        var harness = new GeneratorHarness()
            .AddSchema(
                "audit.connector.json",
                ThirdPartyPluginTests.Spec("AuditSink", "in", transforms)
            )
            .AddSource(source);
        var compilation = harness.CreateCompilation().AddReferences(ThirdPartyPlugin.Reference);
        var driver = harness
            .CreateDriver()
            .RunGeneratorsAndUpdateCompilation(compilation, out var output, out _);
        return new GeneratorRun(driver.GetRunResult(), output);
    }

    private static async Task ProduceAsync(string bootstrapServers, string topic, int total)
    {
        using var producer = new ProducerBuilder<byte[]?, byte[]?>(
            new ProducerConfig { BootstrapServers = bootstrapServers }
        ).Build();
        for (var n = 0; n < total; n++)
        {
            await producer.ProduceAsync(
                topic,
                new Message<byte[]?, byte[]?> { Value = Encoding.UTF8.GetBytes("event-" + n) }
            );
        }
    }

    private static string[] Lines(string path) => File.Exists(path) ? File.ReadAllLines(path) : [];
}
