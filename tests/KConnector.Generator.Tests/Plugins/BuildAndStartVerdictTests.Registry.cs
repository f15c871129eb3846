using System.Reflection;
using KConnector.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace KConnector.Generator.Tests.Plugins;

/// <summary>
/// A converter's own settings are the converter's keys, not the framework's (Kafka Connect has no
/// <c>value.converter.schema.registry.url</c> framework key): an AvroConverter value's registry URL
/// is accepted by the build, by <c>kconnector validate</c> and by a start, and a misspelt one is
/// refused by all three naming it (KCN0280 at build).
/// </summary>
public sealed partial class BuildAndStartVerdictTests
{
    private const string AuditEntrySchema = """
        {"type": "record", "name": "AuditEntry", "namespace": "acme.audit",
         "fields": [{"name": "line", "type": "string"}]}
        """;

    /// <summary>The rows' spec: an Avro record value through the AvroConverter.</summary>
    private static readonly Dictionary<string, string> AvroBase = new(Base, StringComparer.Ordinal)
    {
        ["value.schema"] = "audit-entry.avsc",
        ["value.converter"] = "io.confluent.connect.avro.AvroConverter",
    };

    private static readonly Lazy<Assembly> CompiledAvro = new(() =>
        ThirdPartyPluginTests.Compile(SpecOf(AvroBase), files: WithAuditEntry)
    );

    [Theory]
    [InlineData("value.converter.schema.registry.url=mock://audit", "")]
    [InlineData(
        "value.converter.schema.registry.url=http://127.0.0.1:8081,http://127.0.0.1:8082",
        ""
    )]
    [InlineData("value.converter=AvroConverter;value.converter.schema.registry.url=mock://a", "")]
    [InlineData(
        "value.converter.schema.registry.url=mock://a;value.converter.use.latest.version=true",
        ""
    )]
    [InlineData(
        "value.converter.schema.registry.ulr=mock://audit",
        "value.converter.schema.registry.ulr"
    )]
    [InlineData(
        "value.converter.schema.registry.url=mock://a;value.converter.auto.register.schemas=maybe",
        "value.converter.auto.register.schemas"
    )]
    public void AConvertersRegistryUrl_IsItsOwnSetting_AtBuildValidateAndStart(
        string row,
        string expected
    )
    {
        var config = new Dictionary<string, string>(AvroBase, StringComparer.Ordinal);
        foreach (var pair in row.Split(';'))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            config[pair[..equals]] = pair[(equals + 1)..];
        }
        var keys = expected.Split(',', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(
            keys,
            BuildVerdict(
                config,
                spec => ThirdPartyPluginTests.Generate(spec, files: WithAuditEntry)
            )
        );
        // value.schema is the build's (the type the worker is compiled with): a worker is given the rest.
        config.Remove("value.schema");
        Assert.Equal(keys, ValidateVerdict(config, CompiledAvro.Value));
        Assert.Equal(keys, StartVerdict(config, CompiledAvro.Value));
    }

    [Fact]
    public void AMisspeltRegistryUrl_IsRefusedAtBuild_AsKCN0280WithADidYouMean()
    {
        var config = new Dictionary<string, string>(AvroBase, StringComparer.Ordinal)
        {
            ["value.converter.schema.registry.ulr"] = "mock://audit",
        };

        var diagnostic = Assert.Single(
            ThirdPartyPluginTests
                .Generate(SpecOf(config), files: WithAuditEntry)
                .Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)
        );

        Assert.Equal("KCN0280", diagnostic.Id);
        Assert.Contains("value.converter.schema.registry.url", diagnostic.GetMessage());
    }

    private static void WithAuditEntry(GeneratorHarness harness) =>
        harness.AddSchema("audit-entry.avsc", AuditEntrySchema);
}
