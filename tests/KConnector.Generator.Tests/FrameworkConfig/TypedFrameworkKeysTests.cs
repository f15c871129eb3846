using System.Reflection;
using KConnector.Configuration;
using KConnector.Configuration.Framework;
using KConnector.GeneratedCode;
using KConnector.Generator.Tests.Infrastructure;
using KConnector.Generator.Tests.Plugins;
using KConnector.Testing;

namespace KConnector.Generator.Tests.FrameworkConfig;

/// <summary>
/// Issue 13, item 3: the framework keys are typed once, in the runtime. ConnectorConfigBase and
/// Sink/SourceConnectorConfigBase get a property per key of their key set from its [ConfigKey]
/// attributes (the generator's [TypedConfigKeys] step), and each generated {Name}Config extends one
/// of them and types only the connector's own keys, with the same property names users had.
/// </summary>
public sealed class TypedFrameworkKeysTests
{
    /// <summary>
    /// The runtime's shape in a test compilation: a key set, the classes typed from it, and an
    /// options record typed from it as a connector's are.
    /// </summary>
    public const string RuntimeTypedClasses = """
        using KConnector.Configuration;
        using KConnector.Plugins;

        namespace Shop.Framework
        {
            [ConfigKeySet(ConfigKeyScope.Worker)]
            [ConfigKey("shop.id", ConfigType.Int, Default = "1", Min = 1, Documentation = "The shop's id.")]
            [ConfigKey("shop.owner", ConfigType.String, Documentation = "Who runs it.")]
            [ConfigKey("shop.wait.ms", ConfigType.Long, Documentation = "How long to wait; unset waits for ever.")]
            [ConfigKey("shop.secret", ConfigType.Password, Documentation = "The shop's key.")]
            public static partial class ShopConfigDefinition;

            [ConfigKeySet(ConfigKeyScope.Worker)]
            [ConfigKey("shop.tills", ConfigType.List, Default = "a", Documentation = "The tills.")]
            public static partial class OutletConfigDefinition;

            [KConnector.Configuration.Framework.TypedConfigKeys(typeof(ShopConfigDefinition))]
            public abstract partial class ShopConfigBase
            {
                public ParsedConfig Parsed { get; }

                public override string ToString()
                {
                    var text = new System.Text.StringBuilder();
                    AppendValues(text);
                    return text.ToString();
                }
            }

            [KConnector.Configuration.Framework.TypedConfigKeys(typeof(OutletConfigDefinition))]
            public abstract partial class OutletConfigBase : ShopConfigBase;

            [KConnector.Configuration.Framework.TypedConfigKeys(typeof(ShopConfigDefinition))]
            public sealed partial record ShopOptions;
        }
        """;

    private static readonly Lazy<Assembly> Compiled = new(() =>
        ThirdPartyPluginTests.Compile(
            ThirdPartyPluginTests.Spec("AuditSink", "audit-in", "\"audit.file\": \"audit.log\"")
        )
    );

    [Theory]
    [InlineData("ShopConfigBase")]
    [InlineData("OutletConfigBase")]
    public void TypedClass_GetsAPropertyPerKeyOfItsSet(string type)
    {
        var run = new GeneratorHarness().AddSource(RuntimeTypedClasses).Run();

        Assert.Empty(run.Diagnostics);
        Assert.Empty(run.CompileProblems());
        SnapshotVerifier.Verify(
            run.Source($"Shop.Framework.{type}.TypedKeys.g.cs"),
            "TypedConfigKeys." + type
        );
    }

    [Fact]
    public void GeneratedConfig_ExtendsTheRuntimesBase_AndTypesOnlyItsOwnKeys()
    {
        var config = Compiled.Value.GetType(
            "KConnector.Generated.AuditConfig",
            throwOnError: true
        )!;

        Assert.Equal(typeof(SinkConnectorConfigBase), config.BaseType);
        Assert.Equal(
            ["AuditFile", "AuditPrefix", "AuditMode", "AuditKey", "AuditBatch"],
            config
                .GetProperties(
                    BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly
                )
                .Select(p => p.Name)
        );
    }

    [Fact]
    public void FrameworkKeys_ReadThroughTheBase_WithTheValuesGiven()
    {
        var config = Parse(
            new Dictionary<string, string?>
            {
                ["tasks.max"] = "3",
                ["topics"] = "audit-a,audit-b",
                ["errors.tolerance"] = "all",
                ["errors.deadletterqueue.topic.name"] = "audit-dlq",
                ["errors.deadletterqueue.topic.replication.factor"] = "-1",
                ["task.restart.auto.enable"] = "true",
            }
        );

        Assert.Equal("audit", config.Name);
        Assert.Equal("AuditSink", config.ConnectorClass);
        Assert.Equal(3, config.TasksMax);
        Assert.Equal(["audit-a", "audit-b"], config.Topics);
        Assert.Equal(string.Empty, config.TopicsRegex);
        Assert.Equal("all", config.ErrorsTolerance);
        Assert.Equal("audit-dlq", config.ErrorsDeadletterqueueTopicName);
        Assert.Equal(-1, config.ErrorsDeadletterqueueTopicReplicationFactor);
        Assert.True(config.TaskRestartAutoEnable);
        // Defaults come from the runtime's definition, and the converters from the connector's.
        Assert.Equal(60000L, config.ErrorsRetryDelayMaxMs);
        Assert.Equal(
            "org.apache.kafka.connect.storage.SimpleHeaderConverter",
            config.HeaderConverter
        );
        Assert.False(string.IsNullOrEmpty(config.ValueConverter));
        Assert.Equal("audit.log", config.GetType().GetProperty("AuditFile")!.GetValue(config));
    }

    [Fact]
    public void ToString_ListsEveryKeyOfTheDefinitionInOrder_SecretsHidden()
    {
        var config = Parse(
            new Dictionary<string, string?> { ["audit.mode"] = "signed", ["audit.key"] = "s3cret" }
        );
        var definition = (ConfigDefinition)
            config.GetType().GetProperty("Definition")!.GetValue(null)!;

        var lines = config.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(definition.Keys.Select(k => k.Name), lines.Select(l => l[..l.IndexOf('=')]));
        Assert.Contains("audit.key=" + Password.Hidden, lines);
        Assert.DoesNotContain("s3cret", config.ToString(), StringComparison.Ordinal);
        Assert.Contains("tasks.max=1", lines);
        Assert.Contains("topics=audit-in", lines);
    }

    [Fact]
    public void SourceBase_TypesTheExactlyOnceKeys()
    {
        var keys = SourceConnectorConfigDefinition.Definition.Keys.Select(k => k.Name).ToList();
        var typed = typeof(SourceConnectorConfigBase)
            .GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Select(p => p.Name);

        Assert.Equal(
            [
                "exactly.once.support",
                "transaction.boundary",
                "transaction.boundary.interval.ms",
                "offsets.storage.topic",
            ],
            keys
        );
        Assert.Equal(
            [
                "ExactlyOnceSupport",
                "TransactionBoundary",
                "TransactionBoundaryIntervalMs",
                "OffsetsStorageTopic",
            ],
            typed
        );
        Assert.Equal(
            typeof(long?),
            typeof(SourceConnectorConfigBase)
                .GetProperty("TransactionBoundaryIntervalMs")!
                .PropertyType
        );
    }

    private static SinkConnectorConfigBase Parse(Dictionary<string, string?> values)
    {
        var config = Compiled.Value.GetType(
            "KConnector.Generated.AuditConfig",
            throwOnError: true
        )!;
        var specValues =
            (IReadOnlyDictionary<string, string?>)config.GetProperty("SpecValues")!.GetValue(null)!;
        var merged = new Dictionary<string, string?>(specValues);
        foreach (var (key, value) in values)
        {
            merged[key] = value;
        }
        var parse = config.GetMethod("Parse")!;
        return (SinkConnectorConfigBase)parse.Invoke(null, [merged, null])!;
    }
}
