using KConnector.Converters;
using KConnector.Converters.Plugins;
using KConnector.Generator.Connectors;
using KConnector.Generator.Plugins;
using KConnector.Generator.Tests.Infrastructure;

namespace KConnector.Generator.Tests.Plugins;

/// <summary>
/// Issue 13 item 1 for converters: each converter is described once, by its descriptor beside its
/// code (src/KConnector/Converters/Plugins). The generator reads the descriptors from the runtime's
/// metadata, the worker's ConverterFactory from the same classes: both accept the same names, the
/// same settings and the same types.
/// </summary>
public class ConverterCatalogTests
{
    private static readonly PluginCatalog Catalog = GeneratorHarness.Catalog;

    public static TheoryData<string> Converters =>
        [.. ConverterPlugins.BuiltIn.Select(p => p.ClassName)];

    [Fact]
    public void TheGeneratorsCatalog_HoldsTheRuntimesConverters()
    {
        Assert.Equal(
            ConverterPlugins.BuiltIn.Select(p => p.ClassName).Order(StringComparer.Ordinal),
            Catalog.Converters.Select(c => c.ClassName)
        );
        Assert.Contains(
            Catalog.Converters,
            c => c.IsHeaderConverter && c.ClassName == ConverterFactory.SimpleHeaderConverterClass
        );
    }

    [Theory]
    [MemberData(nameof(Converters))]
    public void AConvertersSettings_ReadFromMetadata_AreItsRuntimeDefinition(string className)
    {
        var runtime = ConverterPlugins.BuiltIn.Single(p => p.ClassName == className);
        var model = Catalog.Converters.Single(c => c.ClassName == className);

        Assert.Equal(
            PluginCatalogTests.Facts(runtime.Definition.Keys),
            PluginCatalogTests.Facts(model.Keys)
        );
        Assert.Equal((int)runtime.Carries, (int)model.Carries);
        Assert.Equal(runtime.Aliases, model.Aliases);
    }

    [Fact]
    public void EveryNameTheBuildAccepts_TheWorkerResolvesToTheSameClass()
    {
        var names = ConverterCatalog.AllNames(Catalog).ToList();

        // Connect's class names, simple names and short aliases, as before the descriptors.
        Assert.Contains("io.confluent.connect.avro.AvroConverter", names);
        Assert.Contains("JsonConverter", names);
        Assert.Contains("ByteArray", names);
        Assert.All(
            names,
            name =>
                Assert.Equal(
                    ConverterCatalog.Find(Catalog, name)!.ClassName,
                    ConverterFactory.ClassNameOf(name.ToUpperInvariant())
                )
        );
        // A header converter is not a key or value converter.
        Assert.Null(ConverterCatalog.Find(Catalog, "SimpleHeaderConverter"));
        Assert.Null(ConverterPlugins.FindConverter("SimpleHeaderConverter"));
    }

    [Theory]
    [InlineData((int)TypeFormats.AvroRecord, "io.confluent.connect.avro.AvroConverter")]
    [InlineData((int)TypeFormats.JsonSchemaRecord, "io.confluent.connect.json.JsonSchemaConverter")]
    [InlineData(
        (int)TypeFormats.ProtobufMessage,
        "io.confluent.connect.protobuf.ProtobufConverter"
    )]
    [InlineData((int)TypeFormats.String, "org.apache.kafka.connect.storage.StringConverter")]
    [InlineData((int)TypeFormats.Bytes, "org.apache.kafka.connect.converters.ByteArrayConverter")]
    [InlineData((int)TypeFormats.OwnFormats, "io.confluent.connect.avro.AvroConverter")]
    public void AType_GetsTheMostSpecificConverterThatCarriesIt(int formats, string expected)
    {
        Assert.Equal(
            expected,
            ConverterCatalog.DefaultFor(Catalog, (TypeFormats)formats).ClassName
        );
    }

    [Fact]
    public void TheRegistryConverters_TakeConfluentsSettings_WithSecretsAsPasswords()
    {
        foreach (var name in new[] { "AvroConverter", "ProtobufConverter", "JsonSchemaConverter" })
        {
            var definition = ConverterPlugins.FindConverter(name)!.Definition;
            Assert.Equal(
                Configuration.ConfigType.Password,
                definition.Find("basic.auth.user.info")!.Type
            );
            Assert.Equal(
                Configuration.ConfigType.Password,
                definition.Find("bearer.auth.token")!.Type
            );
            Assert.Equal("true", definition.Find("auto.register.schemas")!.DefaultValue);
            Assert.Equal(
                "io.confluent.kafka.serializers.subject.TopicNameStrategy",
                definition.Find("value.subject.name.strategy")!.DefaultValue
            );
            Assert.True(ConverterFactory.UsesSchemaRegistry(name));
        }
        Assert.Empty(ConverterPlugins.FindConverter("ByteArrayConverter")!.Definition.Keys);
        Assert.False(ConverterFactory.UsesSchemaRegistry("JsonConverter"));
    }
}
