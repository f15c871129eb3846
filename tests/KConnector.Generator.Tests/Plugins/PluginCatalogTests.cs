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

    public static TheoryData<string, ConfigDefinition> Plugins =>
        new()
        {
            {
                "KConnector.Connectors.File.JsonLinesFileSink",
                KConnector.Connectors.File.JsonLinesFileSink.Definition
            },
            {
                "KConnector.Connectors.File.FileStreamSource",
                KConnector.Connectors.File.FileStreamSource.Definition
            },
            {
                "KConnector.Connectors.Http.HttpSink",
                KConnector.Connectors.Http.HttpSink.Definition
            },
            {
                "KConnector.Connectors.Http.HttpSource",
                KConnector.Connectors.Http.HttpSource.Definition
            },
            {
                "KConnector.Connectors.PostgreSql.PostgresConnector",
                KConnector.Connectors.PostgreSql.PostgresConnector.Definition
            },
            { "KConnector.Connectors.Sql.SqlSink", KConnector.Connectors.Sql.SqlSink.Definition },
            {
                "KConnector.Connectors.Sql.SqlSource",
                KConnector.Connectors.Sql.SqlSource.Definition
            },
            {
                "KConnector.Connectors.Elasticsearch.ElasticsearchSink",
                KConnector.Connectors.Elasticsearch.ElasticsearchSink.Definition
            },
            {
                "KConnector.Connectors.Redis.RedisSink",
                KConnector.Connectors.Redis.RedisSink.Definition
            },
            {
                "KConnector.Connectors.Redis.RedisStreamSource",
                KConnector.Connectors.Redis.RedisStreamSource.Definition
            },
        };

    [Fact]
    public void TheCatalog_HoldsTheBuiltInConnectors_WithTheirAliases()
    {
        Assert.Equal(
            Plugins.Select(p => (string)p[0]).Order(StringComparer.Ordinal),
            Catalog.Plugins.Select(p => p.ClassName)
        );
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

    private static List<string> Facts(IEnumerable<ConfigKey> keys) =>
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

    private static List<string> Facts(IEnumerable<ConfigKeyModel> keys) =>
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
