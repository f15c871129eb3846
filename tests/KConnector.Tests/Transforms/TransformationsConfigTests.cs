using System.Reflection;
using KConnector.Errors;
using KConnector.Plugins;
using KConnector.Transforms;
using static KConnector.Tests.Transforms.TransformTestData;

namespace KConnector.Tests.Transforms;

/// <summary>
/// The run-time verdict on <c>transforms</c> and <c>predicates</c>: each fault is a
/// <see cref="ConfigException"/> naming the full key, as the build names it for a spec.
/// </summary>
public sealed class TransformationsConfigTests
{
    [Fact]
    public void NoTransforms_IsAnEmptyChain()
    {
        Assert.True(Chain().IsEmpty);
        Assert.True(Chain(("transforms", " ")).IsEmpty);
    }

    [Theory]
    [InlineData("RegexRoutr", "transforms.t.type", "could not be found")]
    [InlineData(
        "org.apache.kafka.connect.transforms.ConvertRecord",
        "transforms.t.type",
        "does not run this Kafka Connect transformation yet"
    )]
    [InlineData("HasHeaderKey", "transforms.t.type", "could not be found")]
    public void UnknownType_NamesTheTypeKey(string type, string key, string message)
    {
        var error = Assert.Throws<ConfigException>(() =>
            Chain(("transforms", "t"), ("transforms.t.type", type))
        );

        Assert.Equal(key, error.Key);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Contains("RegexRouter", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingType_NamesTheTypeKey()
    {
        var error = Assert.Throws<ConfigException>(() => Chain(("transforms", "t")));

        Assert.Equal("transforms.t.type", error.Key);
    }

    [Fact]
    public void MissingRequiredKeyOfTheTransform_NamesTheFullKey()
    {
        var error = Assert.Throws<ConfigException>(() =>
            Chain(
                ("transforms", "route"),
                ("transforms.route.type", "RegexRouter"),
                ("transforms.route.regex", "a")
            )
        );

        Assert.Equal("transforms.route.replacement", error.Key);
    }

    [Fact]
    public void RegexThatDoesNotCompile_NamesTheFullKey()
    {
        var error = Assert.Throws<ConfigException>(() =>
            Chain(
                ("transforms", "route"),
                ("transforms.route.type", "RegexRouter"),
                ("transforms.route.regex", "(unclosed"),
                ("transforms.route.replacement", "x")
            )
        );

        Assert.Equal("transforms.route.regex", error.Key);
        Assert.Contains(
            "configuration transforms.route.regex",
            error.Message,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void PredicatePatternThatDoesNotCompile_NamesThePredicatesKey()
    {
        var error = Assert.Throws<ConfigException>(() =>
            Chain(
                ("predicates", "p"),
                ("predicates.p.type", "TopicNameMatches"),
                ("predicates.p.pattern", "[")
            )
        );

        Assert.Equal("predicates.p.pattern", error.Key);
    }

    [Fact]
    public void UndefinedPredicate_NamesThePredicateKey()
    {
        var error = Assert.Throws<ConfigException>(() =>
            Chain(
                ("transforms", "f"),
                ("transforms.f.type", "Filter"),
                ("transforms.f.predicate", "isFoo")
            )
        );

        Assert.Equal("transforms.f.predicate", error.Key);
        Assert.Contains("not defined in predicates", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DuplicateAlias_IsRefused()
    {
        var error = Assert.Throws<ConfigException>(() =>
            Chain(("transforms", "f,f"), ("transforms.f.type", "Filter"))
        );

        Assert.Equal("transforms", error.Key);
        Assert.Contains("Duplicate alias provided.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnsupportedDateLetter_NamesTheFormatKey()
    {
        var error = Assert.Throws<ConfigException>(() =>
            Chain(
                ("transforms", "day"),
                ("transforms.day.type", "TimestampRouter"),
                ("transforms.day.timestamp.format", "yyyy-ww")
            )
        );

        Assert.Equal("transforms.day.timestamp.format", error.Key);
    }

    [Fact]
    public void EachTaskGetsItsOwnChain()
    {
        var config = KConnector.Worker.ConnectorConfig.Parse(
            new Dictionary<string, string>
            {
                ["name"] = "c",
                ["transforms"] = "h",
                ["transforms.h.type"] = "InsertHeader",
                ["transforms.h.header"] = "a",
                ["transforms.h.value.literal"] = "b",
            }
        );

        var first = config.ToWorkerOptions(0, "127.0.0.1:1", isSink: false).Transformations;
        var second = config.ToWorkerOptions(1, "127.0.0.1:1", isSink: false).Transformations;

        Assert.Equal(["h"], config.Transformations.Aliases);
        Assert.NotSame(first.Stages[0].Transformation, second.Stages[0].Transformation);
    }

    [Fact]
    public void RegisteredNames_AreTheDescriptorsConnectPluginNames()
    {
        // The runtime reads no attributes: its table of names must say what the generator reads.
        foreach (var plugin in TransformPlugins.BuiltIn)
        {
            var attribute = plugin.Descriptor.GetCustomAttribute<ConnectPluginAttribute>()!;
            Assert.Equal(attribute.ClassName, plugin.ClassName);
            Assert.Equal(attribute.Kind, plugin.Kind);
            Assert.Equal(attribute.Aliases, plugin.Aliases);
        }
        var descriptors = typeof(TransformPlugins)
            .Assembly.GetTypes()
            .Where(t =>
                t.GetCustomAttribute<ConnectPluginAttribute>()?.Kind
                    is PluginKind.Transformation
                        or PluginKind.Predicate
            );
        Assert.Equal(
            descriptors.Select(d => d.FullName).Order(),
            TransformPlugins.BuiltIn.Select(p => p.ClassName).Order()
        );
    }
}
