using System.Text;
using Confluent.Kafka;
using KConnector.Generator.Tests.Infrastructure;
using KConnector.Kafka;
using Microsoft.CodeAnalysis;

namespace KConnector.Generator.Tests.Plugins;

/// <summary>
/// Issue 15's user transformations: a transformation and a predicate in a package's own assembly
/// (referenced as metadata only) are named by a spec, checked against their descriptors at build
/// time, registered by the generated module initializer and run by the generated worker.
/// </summary>
public sealed class ThirdPartyTransformTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("kconnector-shout").FullName;

    private const string Transforms = """
        "audit.prefix": "acme", "audit.file": "set-at-run-time.log",
            "transforms": "shout", "transforms.shout.type": "Shout", "transforms.shout.suffix": "?",
            "transforms.shout.predicate": "even", "transforms.shout.negate": "true",
            "predicates": "even", "predicates.even.type": "Acme.Connectors.Audit.ValueEndsWith",
            "predicates.even.suffix": "0"
        """;

    [Fact]
    public async Task ASpecNamingThePackagesTransformAndPredicate_RunsThem()
    {
        const int Total = 12;
        var topic = "shout-in-" + Guid.NewGuid().ToString("N")[..8];
        var output = Path.Combine(_folder, "audit.log");
        using var kafka = EmbeddedKafka.Start(brokerCount: 1, initialRebalanceDelay: TimeSpan.Zero);
        kafka.CreateTopic(topic, partitions: 1);
        await ProduceAsync(kafka.BootstrapServers, topic, Total);
        var assembly = ThirdPartyPluginTests.Compile(
            ThirdPartyPluginTests.Spec("AuditSink", topic, Transforms)
        );

        await ThirdPartyPluginTests.RunUntilAsync(
            assembly,
            kafka.BootstrapServers,
            output,
            () => Lines(output).Length >= Total
        );

        // Values ending in 0 match the predicate, negated: they pass untouched.
        Assert.Equal(
            Enumerable
                .Range(0, Total)
                .Select(n => n % 10 == 0 ? "acme:event-" + n : "acme:EVENT-" + n + "?")
                .Order(StringComparer.Ordinal),
            Lines(output).Order(StringComparer.Ordinal)
        );
    }

    [Fact]
    public void TheGeneratedRegistration_NamesThePackagesPluginsOnly()
    {
        var result = ThirdPartyPluginTests.Generate(
            ThirdPartyPluginTests.Spec("AuditSink", "in", Transforms)
        );

        Assert.Empty(result.Diagnostics);
        var registration = result
            .Results.Single()
            .GeneratedSources.Single(s =>
                s.HintName == "KConnector.TransformationRegistrations.g.cs"
            )
            .SourceText.ToString();
        Assert.Contains(
            "RegisterTransformation(typeof(global::Acme.Connectors.Audit.Shout), \"Acme.Connectors.Audit.Shout\"",
            registration,
            StringComparison.Ordinal
        );
        Assert.Contains(
            "RegisterPredicate(typeof(global::Acme.Connectors.Audit.ValueEndsWith)",
            registration,
            StringComparison.Ordinal
        );
        Assert.DoesNotContain("RegexRouter", registration, StringComparison.Ordinal);
    }

    [Fact]
    public void AKeyThePackagesTransformDoesNotHave_FailsTheBuildWithKcn0262()
    {
        var result = ThirdPartyPluginTests.Generate(
            ThirdPartyPluginTests.Spec(
                "AuditSink",
                "in",
                Transforms + ", \"transforms.shout.sufix\": \"x\""
            )
        );

        var diagnostic = Assert.Single(
            result.Diagnostics,
            d => d.Severity == DiagnosticSeverity.Error
        );
        Assert.Equal("KCN0262", diagnostic.Id);
        Assert.Contains(
            "transforms.shout.sufix",
            diagnostic.GetMessage(),
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void WithoutThePackage_NoRegistrationIsWritten()
    {
        var harness = new GeneratorHarness().AddSource("class Empty { }");

        var result = harness
            .CreateDriver()
            .RunGenerators(harness.CreateCompilation())
            .GetRunResult();

        Assert.DoesNotContain(
            result.Results.Single().GeneratedSources,
            s => s.HintName == "KConnector.TransformationRegistrations.g.cs"
        );
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

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
