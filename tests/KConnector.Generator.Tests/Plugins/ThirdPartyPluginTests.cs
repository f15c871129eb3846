using System.Reflection;
using System.Runtime.Loader;
using System.Text;
using Confluent.Kafka;
using KConnector.Connectors;
using KConnector.Generator.Tests.Infrastructure;
using KConnector.Kafka;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.Extensions.Logging.Abstractions;

namespace KConnector.Generator.Tests.Plugins;

/// <summary>
/// Issue 13's proof: a connector in its own assembly, referenced as metadata only, is named by a
/// spec by class or alias, checked against its own descriptor at build time, and run by the
/// generated worker on the embedded cluster, with no change to KConnector.
/// </summary>
public sealed class ThirdPartyPluginTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("kconnector-audit").FullName;

    [Theory]
    [InlineData("AuditSink")]
    [InlineData("Acme.Connectors.Audit.AuditSink")]
    public async Task ASpecNamingThePlugin_CompilesAndRunsOnTheEmbeddedCluster(
        string connectorClass
    )
    {
        const int Total = 25;
        var topic = "audit-in-" + Guid.NewGuid().ToString("N")[..8];
        var output = Path.Combine(_folder, "audit.log");
        using var kafka = EmbeddedKafka.Start(brokerCount: 1, initialRebalanceDelay: TimeSpan.Zero);
        kafka.CreateTopic(topic, partitions: 1);
        await ProduceAsync(kafka.BootstrapServers, topic, Total);
        var assembly = Compile(
            Spec(
                connectorClass,
                topic,
                "\"audit.prefix\": \"acme\", \"audit.file\": \"set-at-run-time.log\""
            )
        );

        await RunUntilAsync(
            assembly,
            kafka.BootstrapServers,
            output,
            () => Lines(output).Length >= Total
        );

        Assert.Equal(
            Enumerable.Range(0, Total).Select(n => "acme:event-" + n).Order(StringComparer.Ordinal),
            Lines(output).Order(StringComparer.Ordinal)
        );
    }

    [Theory]
    [InlineData("", "audit.file", "KCN0201")]
    [InlineData("\"audit.file\": \"a.log\", \"audit.prefix\": \"ACME\"", "audit.prefix", "KCN0248")]
    [InlineData("\"audit.file\": \"a.log\", \"audit.mode\": \"loud\"", "audit.mode", "KCN0206")]
    [InlineData("\"audit.file\": \"a.log\", \"audit.batch\": 0", "audit.batch", "KCN0217")]
    [InlineData("\"audit.file\": \"a.log\", \"audit.mode\": \"signed\"", "audit.key", "KCN0201")]
    [InlineData("\"audit.file\": \"a.log\", \"audit.flie\": \"b\"", "audit.flie", "KCN0202")]
    public void ASpecBreakingTheDescriptorsRules_FailsTheBuild_NamingTheKey(
        string entries,
        string key,
        string id
    )
    {
        var diagnostics = Generate(Spec("AuditSink", "audit-in", entries)).Diagnostics;

        var diagnostic = Assert.Single(diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal(id, diagnostic.Id);
        Assert.Contains(key, diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void WithoutTheReference_TheSpecSaysTheClassIsUnknown()
    {
        var harness = new GeneratorHarness().AddSchema(
            "audit.connector.json",
            Spec("AuditSink", "audit-in", "\"audit.file\": \"a.log\"")
        );

        var result = harness
            .CreateDriver()
            .RunGenerators(harness.CreateCompilation())
            .GetRunResult();

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("KCN0208", diagnostic.Id);
    }

    [Fact]
    public void ASpecNamingADescriptorWithoutAUsableCreateTask_FailsTheBuild()
    {
        var diagnostic = Assert.Single(
            Generate(Spec("Acme.Connectors.Audit.BrokenSink", "audit-in", "")).Diagnostics
        );

        Assert.Equal("KCN0247", diagnostic.Id);
        Assert.Contains("CreateTask", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void ADescriptorThatIsNotStaticPartial_IsReportedWhereItIsDeclared()
    {
        var harness = new GeneratorHarness().AddSource(
            """
            using KConnector.Plugins;

            [ConnectPlugin("Shop.OrdersSink", PluginKind.Sink)]
            public class OrdersSink { }
            """
        );

        var run = harness.Run();

        // The analyzer reports it; the generator adds no Definition and no second error.
        Assert.Empty(run.Diagnostics);
        var diagnostic = Assert.Single(run.AnalyzerDiagnostics());
        Assert.Equal("KCN0246", diagnostic.Id);
        Assert.Equal(3, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    internal static string Spec(string connectorClass, string topic, string entries) =>
        $$"""
            {
              "name": "audit",
              "config": {
                "connector.class": "{{connectorClass}}",
                "topics": "{{topic}}"{{(entries.Length == 0 ? "" : ",\n    " + entries)}}
              }
            }
            """;

    internal static GeneratorDriverRunResult Generate(
        string spec,
        string? source = null,
        Action<GeneratorHarness>? files = null
    )
    {
        var harness = new GeneratorHarness().AddSchema("audit.connector.json", spec);
        if (source is not null)
        {
            harness.AddSource(source);
        }
        files?.Invoke(harness);
        var compilation = harness.CreateCompilation().AddReferences(ThirdPartyPlugin.Reference);
        return harness.CreateDriver().RunGenerators(compilation).GetRunResult();
    }

    /// <summary>Compiles the spec's generated worker (with the project's own <paramref name="source"/>, if any) and loads it beside the plugin's assembly.</summary>
    internal static Assembly Compile(
        string spec,
        string? source = null,
        Action<GeneratorHarness>? files = null
    )
    {
        var harness = new GeneratorHarness().AddSchema("audit.connector.json", spec);
        if (source is not null)
        {
            harness.AddSource(source);
        }
        files?.Invoke(harness);
        var compilation = harness.CreateCompilation().AddReferences(ThirdPartyPlugin.Reference);
        harness
            .CreateDriver()
            .RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        Assert.Empty(diagnostics);
        using var image = new MemoryStream();
        var result = output.Emit(image);
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        image.Position = 0;
        return new PluginLoadContext().LoadFromStream(image);
    }

    /// <summary>Runs the generated worker on <paramref name="bootstrapServers"/>, writing to <paramref name="output"/>, until <paramref name="done"/> or 60 s.</summary>
    internal static async Task RunUntilAsync(
        Assembly assembly,
        string bootstrapServers,
        string output,
        Func<bool> done
    )
    {
        using var environment = new ConnectorEnvironment();
        var worker = CreateWorker(
            assembly,
            new Dictionary<string, string?>
            {
                ["bootstrap.servers"] = bootstrapServers,
                ["audit.file"] = output,
            },
            environment
        );
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var run = worker.RunAsync(stop.Token);
        while (!stop.IsCancellationRequested && !done())
        {
            await Task.Delay(100);
        }
        await stop.CancelAsync();
        await run.WaitAsync(TimeSpan.FromSeconds(30));
    }

    private static IConnectorWorker CreateWorker(
        Assembly assembly,
        Dictionary<string, string?> overrides,
        ConnectorEnvironment environment
    )
    {
        var worker = assembly.GetTypes().Single(t => typeof(IConnectorWorker).IsAssignableFrom(t));
        var constructor = worker.GetConstructors().Single(c => c.GetParameters().Length == 3);
        var config = constructor.GetParameters()[0].ParameterType;
        var values = new Dictionary<string, string?>(
            (IReadOnlyDictionary<string, string?>)config.GetProperty("SpecValues")!.GetValue(null)!
        );
        foreach (var (key, value) in overrides)
        {
            values[key] = value;
        }
        var parse = config
            .GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Single(m => m.Name == "Parse" && m.ReturnType == config);
        return (IConnectorWorker)
            constructor.Invoke([
                parse.Invoke(null, [values, null]),
                environment,
                NullLogger.Instance,
            ]);
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

    /// <summary>Resolves the plugin's assembly from its folder, as a host loads a package's lib; KConnector from the default context.</summary>
    private sealed class PluginLoadContext() : AssemblyLoadContext("kconnector-audit-plugin")
    {
        protected override Assembly? Load(AssemblyName assemblyName) =>
            assemblyName.Name == ThirdPartyPlugin.AssemblyName
                ? LoadFromAssemblyPath(ThirdPartyPlugin.Path)
                : null;
    }
}
