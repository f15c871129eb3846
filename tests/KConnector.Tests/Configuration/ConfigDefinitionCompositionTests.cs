using KConnector.Configuration;
using KConnector.Configuration.Framework;

namespace KConnector.Tests.Configuration;

/// <summary>
/// Definitions built from others (what a generated connector config does): the framework's keys of a
/// connector's kind, the connector's adaptations, then its own keys; each key defined once.
/// </summary>
public class ConfigDefinitionCompositionTests
{
    private static readonly ConfigKey Path = new()
    {
        Name = "file",
        Type = ConfigType.String,
        Required = true,
    };

    [Fact]
    public void ForSink_IsTheConnectorKeysThenTheSinkKeys_WithConnectorClassDefaultingToTheClass()
    {
        var definition = ConnectorConfigDefinition.ForSink("Shop.OrdersSink");

        Assert.Equal("Shop.OrdersSink", definition.ConnectorClass);
        Assert.Equal(
            ConnectorConfigDefinition
                .Definition.Keys.Concat(SinkConnectorConfigDefinition.Definition.Keys)
                .Select(k => k.Name),
            definition.Keys.Select(k => k.Name)
        );
        Assert.Equal("Shop.OrdersSink", definition.Find("connector.class")!.DefaultValue);
        Assert.Same(
            ConnectorConfigDefinition.Definition.Find("errors.tolerance"),
            definition.Find("errors.tolerance")
        );
    }

    [Fact]
    public void ForSource_HasNoSinkKeys()
    {
        var definition = ConnectorConfigDefinition.ForSource("Shop.OrdersSource");

        Assert.Null(definition.Find("topics"));
        Assert.NotNull(definition.Find("tasks.max"));
    }

    [Fact]
    public void Extend_AddsTheConnectorsKeysAfter_AndAFrameworkKeyKeepsItsDefinition()
    {
        var ownTolerance = new ConfigKey
        {
            Name = "errors.tolerance",
            Type = ConfigType.String,
            DefaultValue = "all",
        };

        var definition = ConnectorConfigDefinition
            .ForSink("Shop.OrdersSink")
            .Extend([Path, ownTolerance]);

        Assert.Same(Path, definition.Keys[^1]);
        Assert.Equal("none", definition.Find("errors.tolerance")!.DefaultValue);
        var issues = definition
            .Parse(new Dictionary<string, string?> { ["name"] = "orders", ["topics"] = "t" })
            .Issues;
        Assert.Equal("file", Assert.Single(issues).Key);
    }

    [Fact]
    public void Override_ChangesOneKeyInPlace_AndValidationFollowsIt()
    {
        var definition = ConnectorConfigDefinition
            .ForSink("Shop.OrdersSink")
            .Override(
                "value.converter",
                key =>
                    key with
                    {
                        DefaultValue = "StringConverter",
                        OneOf = ["StringConverter", "JsonConverter"],
                    }
            );

        var issues = definition
            .Parse(
                new Dictionary<string, string?>
                {
                    ["name"] = "orders",
                    ["topics"] = "t",
                    ["value.converter"] = "AvroConverter",
                }
            )
            .Issues;

        Assert.Equal("value.converter", Assert.Single(issues).Key);
        Assert.Equal(
            ConnectorConfigDefinition
                .Definition.Keys.Select(k => k.Name)
                .ToList()
                .IndexOf("value.converter"),
            definition.Keys.Select(k => k.Name).ToList().IndexOf("value.converter")
        );
    }

    [Fact]
    public void Extend_WithAPluginDefinition_KeepsThePluginsRulesAcrossKeys()
    {
        var plugin = new ConfigDefinition("Shop.OrdersSink", [Path])
        {
            CrossKeyRules = values =>
            {
                if (values.GetValueOrDefault("file") == "orders.csv")
                {
                    throw new ConfigValidationException(
                        "Shop.OrdersSink",
                        [new ConfigIssue("file", "CSV is not written by this sink")]
                    );
                }
            },
        };

        var joined = ConnectorConfigDefinition
            .ForSink("Shop.OrdersSink")
            .Extend(plugin)
            .Override("tasks.max", key => key with { DefaultValue = "2" });

        var refused = Assert.Throws<ConfigValidationException>(() =>
            joined.ValidateAcrossKeys(new Dictionary<string, string?> { ["file"] = "orders.csv" })
        );
        Assert.Contains(refused.Issues, issue => issue.Key == "file");
        joined.ValidateAcrossKeys(new Dictionary<string, string?> { ["file"] = "orders.jsonl" });
    }

    [Fact]
    public void Override_OfAnUnknownKey_NamesIt()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            ConnectorConfigDefinition.ForSink("Shop.OrdersSink").Override("value.convertor", k => k)
        );

        Assert.Contains("'value.convertor'", error.Message, StringComparison.Ordinal);
        Assert.Contains("Shop.OrdersSink", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Override_ThatRenamesTheKey_IsRefused()
    {
        Assert.Throws<ArgumentException>(() =>
            ConnectorConfigDefinition
                .ForSink("Shop.OrdersSink")
                .Override("topics", k => k with { Name = "topic" })
        );
    }
}
