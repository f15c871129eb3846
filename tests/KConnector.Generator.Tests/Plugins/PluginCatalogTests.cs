using System.Globalization;
using KConnector.Configuration;
using KConnector.Configuration.Framework;
using KConnector.Generator.Connectors;
using KConnector.Generator.Plugins;
using KConnector.Generator.Tests.Infrastructure;

namespace KConnector.Generator.Tests.Plugins;

/// <summary>
/// The generator reads descriptors from metadata; the runtime gets the same descriptors' Definition
/// generated from source. The two readings of one set of attributes must agree key for key.
/// </summary>
public class PluginCatalogTests
{
    private static readonly PluginCatalog Catalog = GeneratorHarness.Catalog;

    /// <summary>
    /// Every connector descriptor of the connector assemblies the test carries (its project references
    /// every src/KConnector.Connectors.* project) with its runtime Definition: found, not listed.
    /// </summary>
    public static TheoryData<string, ConfigDefinition> Plugins
    {
        get
        {
            var data = new TheoryData<string, ConfigDefinition>();
            foreach (var (className, definition) in ConnectorDescriptors.All())
            {
                data.Add(className, definition);
            }
            return data;
        }
    }

    [Fact]
    public void TheCatalog_HoldsTheBuiltInConnectors_WithTheirAliases()
    {
        Assert.Equal(
            ConnectorDescriptors.All().Select(p => p.ClassName).Order(StringComparer.Ordinal),
            Catalog.Plugins.Select(p => p.ClassName)
        );
        // Each connector project is carried: one found by the folder, not only by the references.
        Assert.Equal(
            Directory
                .GetDirectories(
                    Path.Combine(Connectors.RepositoryFiles.Root, "src"),
                    "KConnector.Connectors.*"
                )
                .Select(Path.GetFileName)
                .Where(n => n != "KConnector.Connectors.Sdk")
                .Order(StringComparer.Ordinal),
            Catalog.Plugins.Select(p => p.Assembly).Distinct().Order(StringComparer.Ordinal)
        );
        Assert.Contains(Catalog.Plugins, p => p.ClassName == "KConnector.Connectors.Sql.SqlSink");
        // Every built-in connector states its rules across keys on its descriptor (ValidateAcrossKeys).
        Assert.All(Catalog.Plugins, p => Assert.True(p.ValidatesAcrossKeys, p.ClassName));
        Assert.All(ConnectorDescriptors.All(), d => Assert.NotNull(d.Definition.CrossKeyRules));
        Assert.Equal(Catalog.Find("JdbcSink"), Catalog.Find("KConnector.Connectors.Sql.SqlSink"));
        Assert.Equal(ConnectorKind.Source, Catalog.Find("FileStreamSource")!.Kind);
        Assert.All(Catalog.Plugins, p => Assert.NotNull(p.Creation));
    }

    [Theory]
    [MemberData(nameof(Plugins))]
    public void APluginsKeys_ReadFromMetadata_AreItsRuntimeDefinition(
        string className,
        ConfigDefinition definition
    )
    {
        Assert.Equal(className, definition.ConnectorClass);
        Assert.Equal(Facts(definition.Keys), Facts(Catalog.Find(className)!.Keys));
    }

    [Fact]
    public void TheFrameworkKeys_ReadFromMetadata_AreTheRuntimesDefinitions()
    {
        var runtime = ConnectorConfigDefinition
            .Definition.Keys.Concat(SinkConnectorConfigDefinition.Definition.Keys)
            .Concat(SourceConnectorConfigDefinition.Definition.Keys)
            .Concat(BuildTimeConfigDefinition.Definition.Keys);

        Assert.Equal(Facts(runtime), Facts(Catalog.FrameworkKeys.Select(k => k.Key)));
        // Worker keys are the worker's: a spec does not take them.
        Assert.All(
            WorkerConfigDefinition.Definition.Keys,
            k => Assert.Null(Catalog.FrameworkKey(k.Name))
        );
    }

    [Fact]
    public void EveryKeyNameTheGeneratorHasRulesFor_IsAFrameworkKey()
    {
        var names = typeof(ConfigKeyNames)
            .GetFields()
            .Where(f => f.IsLiteral && !f.Name.EndsWith("Prefix", StringComparison.Ordinal))
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToList();

        Assert.NotEmpty(names);
        Assert.All(names, name => Assert.NotNull(Catalog.FrameworkKey(name)));
    }

    internal static List<string> Facts(IEnumerable<ConfigKey> keys) =>
        [
            .. keys.Select(k =>
                string.Join(
                    "|",
                    k.Name,
                    k.Type,
                    k.DefaultValue ?? "(none)",
                    k.Required,
                    k.Importance,
                    k.Group,
                    k.Min?.ToString(CultureInfo.InvariantCulture),
                    k.Max?.ToString(CultureInfo.InvariantCulture),
                    k.Pattern,
                    string.Join(",", k.OneOf ?? []),
                    k.RequiredWhenKey,
                    k.Documentation
                )
            ),
        ];

    internal static List<string> Facts(IEnumerable<ConfigKeyModel> keys) =>
        [
            .. keys.Select(k =>
                string.Join(
                    "|",
                    k.Name,
                    k.Type,
                    k.Default ?? "(none)",
                    k.Required,
                    k.Importance,
                    k.Group,
                    k.Min,
                    k.Max,
                    k.Pattern,
                    string.Join(",", k.OneOf),
                    k.RequiredWhenKey,
                    k.Doc
                )
            ),
        ];
}
