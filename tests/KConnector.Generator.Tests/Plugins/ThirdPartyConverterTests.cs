using System.Text;
using Confluent.Kafka;
using KConnector.Generator.Tests.Infrastructure;
using KConnector.Kafka;
using Microsoft.CodeAnalysis;

namespace KConnector.Generator.Tests.Plugins;

/// <summary>
/// A converter in a package's own assembly (referenced as metadata only) is named by a spec by class
/// or alias, its settings checked against its descriptor at build time, registered by the generated
/// module initializer and created by the worker from the descriptor's <c>Create&lt;T&gt;</c>.
/// </summary>
public sealed class ThirdPartyConverterTests : IDisposable
{
    private readonly string _folder = Directory
        .CreateTempSubdirectory("kconnector-caesar")
        .FullName;

    private static string Entries(string converter, string settings) =>
        $"\"audit.prefix\": \"acme\", \"audit.file\": \"set-at-run-time.log\", \"value.converter\": \"{converter}\"{settings}";

    [Theory]
    [InlineData("Caesar")]
    [InlineData("Acme.Connectors.Audit.CaesarConverter")]
    public async Task ASpecNamingThePackagesConverter_ReadsRecordsThroughIt(string converter)
    {
        const int Total = 10;
        var topic = "caesar-in-" + Guid.NewGuid().ToString("N")[..8];
        var output = Path.Combine(_folder, converter + ".log");
        using var kafka = EmbeddedKafka.Start(brokerCount: 1, initialRebalanceDelay: TimeSpan.Zero);
        kafka.CreateTopic(topic, partitions: 1);
        // "event-n" shifted by 3, as the converter with shift=3 writes it.
        await ProduceAsync(kafka.BootstrapServers, topic, Total, n => "hyhqw-" + n);
        var assembly = ThirdPartyPluginTests.Compile(
            ThirdPartyPluginTests.Spec(
                "AuditSink",
                topic,
                Entries(converter, ", \"value.converter.shift\": 3")
            )
        );

        await ThirdPartyPluginTests.RunUntilAsync(
            assembly,
            kafka.BootstrapServers,
            output,
            () => File.Exists(output) && File.ReadAllLines(output).Length >= Total
        );

        Assert.Equal(
            Enumerable.Range(0, Total).Select(n => "acme:event-" + n).Order(StringComparer.Ordinal),
            File.ReadAllLines(output).Order(StringComparer.Ordinal)
        );
    }

    [Fact]
    public void TheGeneratedRegistration_CreatesThePackagesConverterFromItsDescriptor()
    {
        var result = ThirdPartyPluginTests.Generate(
            ThirdPartyPluginTests.Spec("AuditSink", "in", Entries("Caesar", ""))
        );

        Assert.Empty(result.Diagnostics);
        var registration = result
            .Results.Single()
            .GeneratedSources.Single(s => s.HintName == "KConnector.ConverterRegistrations.g.cs")
            .SourceText.ToString();
        Assert.Contains(
            "new global::KConnector.Converters.Plugins.ConverterPlugin(typeof(global::Acme.Connectors.Audit.CaesarConverter), global::Acme.Connectors.Audit.CaesarConverter.Definition)",
            registration,
            StringComparison.Ordinal
        );
        Assert.Contains(
            "=> global::Acme.Connectors.Audit.CaesarConverter.Create<T>(context);",
            registration,
            StringComparison.Ordinal
        );
        Assert.DoesNotContain("AvroConverter", registration, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(", \"value.converter.shfit\": 3", "KCN0280", "value.converter.shift")]
    [InlineData(", \"value.converter.shift\": 30", "KCN0217", "value.converter.shift")]
    public void ASettingTheConvertersDescriptorRefuses_FailsTheBuild(
        string settings,
        string id,
        string named
    )
    {
        var result = ThirdPartyPluginTests.Generate(
            ThirdPartyPluginTests.Spec("AuditSink", "in", Entries("Caesar", settings))
        );

        var diagnostic = Assert.Single(
            result.Diagnostics,
            d => d.Severity == DiagnosticSeverity.Error
        );
        Assert.Equal(id, diagnostic.Id);
        Assert.Contains(named, diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void AConverterDescriptorWithoutCreate_IsReportedAndCannotBeNamed()
    {
        var broken = ThirdPartyPlugin.Build(
            "Acme.Converters.Broken",
            """
            using KConnector.Plugins;

            namespace Acme.Converters.Broken;

            [ConnectPlugin("Acme.Converters.Broken.HalfConverter", PluginKind.Converter, Aliases = ["HalfConverter"], Carries = ConverterRecordTypes.String)]
            public static partial class HalfConverter
            {
                public static object Create(string config) => config;
            }
            """
        );
        var harness = new GeneratorHarness().AddSchema(
            "audit.connector.json",
            ThirdPartyPluginTests.Spec("AuditSink", "in", Entries("HalfConverter", ""))
        );
        var compilation = harness
            .CreateCompilation()
            .AddReferences(ThirdPartyPlugin.Reference, MetadataReference.CreateFromFile(broken));

        var diagnostics = harness
            .CreateDriver()
            .RunGenerators(compilation)
            .GetRunResult()
            .Diagnostics;

        var warning = Assert.Single(diagnostics, d => d.Id == "KCN0283");
        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
        Assert.Contains(
            "Acme.Converters.Broken.HalfConverter",
            warning.GetMessage(),
            StringComparison.Ordinal
        );
        var error = Assert.Single(diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Contains("HalfConverter", error.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void AStringValueNamingNoConverter_DefaultsToTheRuntimesStringConverter_AndMaySwitchToThePackages()
    {
        var result = ThirdPartyPluginTests.Generate(
            ThirdPartyPluginTests.Spec("AuditSink", "in", "\"audit.file\": \"a.log\"")
        );

        Assert.Empty(result.Diagnostics);
        var config = result
            .Results.Single()
            .GeneratedSources.Select(s => s.SourceText.ToString())
            .Single(s => s.Contains(".Override(\"value.converter\"", StringComparison.Ordinal));
        var valueConverter = config
            .Split('\n')
            .Single(l => l.Contains(".Override(\"value.converter\"", StringComparison.Ordinal));
        // The default stays the runtime's; a run-time override may name the package's (--set).
        Assert.Contains(
            "DefaultValue = \"org.apache.kafka.connect.storage.StringConverter\"",
            valueConverter,
            StringComparison.Ordinal
        );
        Assert.Contains("\"Caesar\"", valueConverter, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static async Task ProduceAsync(
        string bootstrapServers,
        string topic,
        int total,
        Func<int, string> value
    )
    {
        using var producer = new ProducerBuilder<byte[]?, byte[]?>(
            new ProducerConfig { BootstrapServers = bootstrapServers }
        ).Build();
        for (var n = 0; n < total; n++)
        {
            await producer.ProduceAsync(
                topic,
                new Message<byte[]?, byte[]?> { Value = Encoding.UTF8.GetBytes(value(n)) }
            );
        }
    }
}
