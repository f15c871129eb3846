using System.Reflection;
using KConnector.Configuration;
using KConnector.Configuration.Framework;

namespace KConnector.Generator.Tests.Plugins;

/// <summary>
/// Issue 13: a generated <c>{Name}Config.Definition</c> extends the runtime's definitions instead of
/// copying them. Its framework keys are the very <see cref="ConfigKey"/>s of
/// <see cref="ConnectorConfigDefinition"/> and <see cref="SinkConnectorConfigDefinition"/> (the same
/// objects, so a change to a framework key reaches every connector without regenerating), its own keys
/// those of the plugin descriptor's <c>Definition</c>, and only what the connector adapts
/// (connector.class, its converters) differs.
/// </summary>
public sealed class GeneratedConfigDefinitionTests
{
    private static readonly Lazy<Assembly> Compiled = new(() =>
        ThirdPartyPluginTests.Compile(
            ThirdPartyPluginTests.Spec("AuditSink", "audit-in", "\"audit.file\": \"audit.log\"")
        )
    );

    private static readonly string[] Adapted =
    [
        "connector.class",
        "key.converter",
        "value.converter",
    ];

    [Fact]
    public void FrameworkKeys_AreTheRuntimesOwnDefinitions_NotCopies()
    {
        var definition = DefinitionOf(Compiled.Value.GetType("KConnector.Generated.AuditConfig")!);
        var framework = ConnectorConfigDefinition
            .Definition.Keys.Concat(SinkConnectorConfigDefinition.Definition.Keys)
            .ToList();

        Assert.Equal(
            framework.Select(k => k.Name),
            definition.Keys.Take(framework.Count).Select(k => k.Name)
        );
        foreach (var key in framework.Where(k => !Adapted.Contains(k.Name)))
        {
            Assert.Same(key, definition.Find(key.Name));
        }
    }

    [Fact]
    public void OwnKeys_AreThePluginDescriptorsDefinition()
    {
        var config = Compiled.Value.GetType("KConnector.Generated.AuditConfig")!;
        var plugin = DefinitionOf(
            config
                .Assembly.GetReferencedAssemblies()
                .Where(a => a.Name == ThirdPartyPlugin.AssemblyName)
                .Select(a =>
                    System
                        .Runtime.Loader.AssemblyLoadContext.GetLoadContext(config.Assembly)!
                        .LoadFromAssemblyName(a)
                )
                .Single()
                .GetType("Acme.Connectors.Audit.AuditSink", throwOnError: true)!
        );
        var definition = DefinitionOf(config);

        Assert.Equal(
            ["audit.file", "audit.prefix", "audit.mode", "audit.key", "audit.batch"],
            definition.Keys.Skip(definition.Keys.Count - plugin.Keys.Count).Select(k => k.Name)
        );
        foreach (var key in plugin.Keys)
        {
            Assert.Same(key, definition.Find(key.Name));
        }
    }

    [Fact]
    public void AdaptedKeys_CarryTheConnectorsClassAndConverters()
    {
        var definition = DefinitionOf(Compiled.Value.GetType("KConnector.Generated.AuditConfig")!);

        Assert.Equal("Acme.Connectors.Audit.AuditSink", definition.ConnectorClass);
        Assert.Equal(
            "Acme.Connectors.Audit.AuditSink",
            definition.Find("connector.class")!.DefaultValue
        );
        var value = definition.Find("value.converter")!;
        Assert.Equal("org.apache.kafka.connect.storage.StringConverter", value.DefaultValue);
        Assert.Contains("StringConverter", value.OneOf!);
        // The rest of the key is the runtime's: its doc, group and importance.
        var runtime = ConnectorConfigDefinition.Definition.Find("value.converter")!;
        Assert.Equal(
            runtime with
            {
                DefaultValue = value.DefaultValue,
                OneOf = value.OneOf,
            },
            value
        );
    }

    private static ConfigDefinition DefinitionOf(Type type) =>
        (ConfigDefinition)
            type.GetProperty("Definition", BindingFlags.Public | BindingFlags.Static)!
                .GetValue(null)!;
}
