using KConnector.Configuration;
using KConnector.Plugins;
using KConnector.Transforms;
using static KConnector.Tests.Transforms.TransformTestData;

namespace KConnector.Tests.Transforms;

/// <summary>Transformations registered beside the built-ins: created by name, names kept unique.</summary>
public sealed class TransformationPluginsTests
{
    private static readonly ConfigDefinition Definition = new(
        "KConnector.Tests.Transforms.TransformationPluginsTests",
        [
            new ConfigKey
            {
                Name = "suffix",
                Type = ConfigType.String,
                DefaultValue = "!",
            },
        ]
    );

    [Fact]
    public void ARegisteredTransformation_IsCreatedByItsAlias_WithItsOwnKeys()
    {
        TransformationPlugins.RegisterTransformation(
            typeof(TransformationPluginsTests),
            "KConnector.Tests.Transforms.TransformationPluginsTests",
            ["TestSuffix"],
            Definition,
            config => new SuffixTransformation(config.Get<string>("suffix")!)
        );

        var record = Chain(
                ("transforms", "s"),
                ("transforms.s.type", "TestSuffix"),
                ("transforms.s.suffix", "?")
            )
            .Apply(Record(value: "v"));

        Assert.Equal("v?", record!.Value);
    }

    [Fact]
    public void ANameTakenByAnotherPlugin_IsRefused()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            TransformationPlugins.RegisterTransformation(
                typeof(SuffixTransformation),
                "Other",
                ["RegexRouter"],
                Definition,
                _ => new SuffixTransformation("x")
            )
        );

        Assert.Contains("RegexRouter", error.Message, StringComparison.Ordinal);
        Assert.Null(TransformPlugins.Find("Other", PluginKind.Transformation));
    }

    private sealed class SuffixTransformation(string suffix) : ITransformation
    {
        public ConnectRecord<TKey, TValue>? Apply<TKey, TValue>(
            ConnectRecord<TKey, TValue> record
        ) =>
            record.Value is string text
                ? record with
                {
                    Value = (TValue)(object)(text + suffix),
                }
                : record;
    }
}
