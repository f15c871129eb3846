using KConnector.Configuration;
using KConnector.Tests.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace KConnector.Tests.Hosting;

/// <summary>
/// A key no definition knows is refused on every road, as a spec refuses it (KCN0202), with the
/// same did-you-mean: a misspelt key in appsettings or <c>kconnector run --set</c> must not be
/// accepted and silently ignored (issue 13).
/// </summary>
public sealed class UnknownKeyTests
{
    [Fact]
    public void GeneratedConfig_RefusesAMisspeltKey_NamingIt_WithDidYouMean()
    {
        var values = Values();
        values["endpont"] = "https://example.invalid/v2";

        var error = Assert.Throws<ConfigValidationException>(() => SecretSinkConfig.Parse(values));

        var issue = Assert.Single(error.Issues);
        Assert.Equal("endpont", issue.Key);
        Assert.Contains("is not a key of the connector", issue.Message, StringComparison.Ordinal);
        Assert.Contains("Did you mean \"endpoint\"?", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GeneratedConfig_RefusesABuildTimeKey_SayingWhereItBelongs()
    {
        var values = Values();
        values["value.schema"] = "order.avsc";

        var error = Assert.Throws<ConfigValidationException>(() => SecretSinkConfig.Parse(values));

        Assert.Contains(
            "value.schema: is read when the spec is compiled",
            error.Message,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void GeneratedConfig_Accepts_PassThroughPrefixes_AndWorkerKeys()
    {
        var values = Values();
        values["consumer.override.fetch.min.bytes"] = "10";
        values["value.converter.converter.encoding"] = "UTF-16";
        values["offset.flush.interval.ms"] = "100";
        values["consumer.session.timeout.ms"] = "6000";

        var config = SecretSinkConfig.Parse(values);

        Assert.Equal("10", config.Parsed.WithPrefix("consumer.override.")["fetch.min.bytes"]);
    }

    [Fact]
    public void GeneratedConfig_RefusesASettingTheValuesConverterDoesNotHave_NamingIt()
    {
        // The value is a string: StringConverter, whose only setting is converter.encoding.
        var values = Values();
        values["value.converter.converter.encodng"] = "UTF-16";
        values["key.converter.schemas.enabled"] = "false";

        var error = Assert.Throws<ConfigValidationException>(() => SecretSinkConfig.Parse(values));

        Assert.Equal(
            ["key.converter.schemas.enabled", "value.converter.converter.encodng"],
            error.Issues.Select(i => i.Key).Order(StringComparer.Ordinal)
        );
        Assert.Contains(
            "Did you mean \"value.converter.converter.encoding\"?",
            error.Message,
            StringComparison.Ordinal
        );
        Assert.Contains(
            "is not a setting of org.apache.kafka.connect.storage.StringConverter",
            error.Message,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void GeneratedConfig_IgnoresAnotherConvertersSettings_AsKafkaConnectsConvertersDo()
    {
        // StringConverter values: JsonConverter's and AvroConverter's settings are not its own.
        var values = Values();
        values["value.converter.schemas.enable"] = "maybe";
        values["value.converter.auto.register.schemas"] = "false";

        var config = SecretSinkConfig.Parse(values);

        Assert.Equal("maybe", config.Parsed.WithPrefix("value.converter.")["schemas.enable"]);
    }

    [Fact]
    public void GeneratedConfig_RefusesAConverterSettingOfTheWrongType_UnderItsFullKey()
    {
        var values = Values();
        values["value.converter"] = "JsonConverter";
        values["value.converter.schemas.cache.size"] = "many";

        var error = Assert.Throws<ConfigValidationException>(() => SecretSinkConfig.Parse(values));

        Assert.Equal("value.converter.schemas.cache.size", Assert.Single(error.Issues).Key);
    }

    [Fact]
    public async Task HostedWorker_DoesNotStart_WithAnUnknownKey()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddSecretSinkConnector(values =>
        {
            values["api.key"] = "a-valid-key-123";
            values["no.such.key"] = "1";
        });
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<ConfigValidationException>(() => host.StartAsync());

        Assert.Equal("no.such.key", Assert.Single(error.Issues).Key);
    }

    private static Dictionary<string, string?> Values() =>
        new(SecretSinkConfig.SpecValues, StringComparer.Ordinal)
        {
            ["api.key"] = "a-valid-key-123",
        };
}
