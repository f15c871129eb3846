using KConnector.Configuration;
using KConnector.Distributed.ExactlyOnce;
using KConnector.Errors;
using KConnector.Hosting;
using KConnector.Worker;

namespace KConnector.Tests.Distributed.ExactlyOnce;

/// <summary>
/// <c>exactly.once.support=required</c> on an enabled distributed worker asks the connector what it
/// declares (Kafka Connect's <c>SourceConnector.exactlyOnceSupport</c>): SUPPORTED is accepted,
/// UNSUPPORTED and no declaration are refused with Connect's messages, naming the key. Through
/// <see cref="ExactlyOnceSourceSettings.Parse"/> and through the road validate and start take
/// (<see cref="ConnectorRegistration.Validate"/> of a connector whose definition carries the declaration).
/// </summary>
public sealed class DeclaredExactlyOnceSupportTests
{
    private const string Unsupported =
        "The connector does not support exactly-once semantics with the provided configuration.";

    private const string Undeclared =
        "The connector does not implement the API required for preflight validation of exactly-once source support.";

    private static Dictionary<string, string> Required(string level = "required") =>
        DeclaringSource.OnEnabledWorker("exactly.once.support", level);

    [Fact]
    public void Supported_IsAccepted_AndTransactional()
    {
        var settings = ExactlyOnceSourceSettings.Parse(
            Required(),
            TimeSpan.FromSeconds(60),
            DeclaringSource.Declaring(() => ExactlyOnceSupport.Supported)
        );

        Assert.Equal(ExactlyOnceSupportLevel.Required, settings.Support);
        Assert.True(settings.Transactional);
    }

    [Theory]
    [InlineData(ExactlyOnceSupport.Unsupported, Unsupported)]
    [InlineData(null, Undeclared)]
    public void UnsupportedOrUndeclared_IsRefused_NamingTheKey(
        ExactlyOnceSupport? declared,
        string says
    )
    {
        var error = Assert.Throws<ConfigException>(() =>
            ExactlyOnceSourceSettings.Parse(
                Required(),
                TimeSpan.FromSeconds(60),
                DeclaringSource.Declaring(() => declared)
            )
        );

        Assert.Equal("exactly.once.support", error.Key);
        Assert.StartsWith(says, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Requested_DoesNotAskTheConnector()
    {
        var asked = false;

        var settings = ExactlyOnceSourceSettings.Parse(
            Required("requested"),
            TimeSpan.FromSeconds(60),
            DeclaringSource.Declaring(() =>
            {
                asked = true;
                return ExactlyOnceSupport.Unsupported;
            })
        );

        Assert.True(settings.Transactional);
        Assert.False(asked);
    }

    [Fact]
    public void Supported_OnAWorkerWithoutExactlyOnce_IsStillRefused()
    {
        var settings = Required();
        settings["exactly.once.source.support"] = "disabled";

        var error = Assert.Throws<ConfigException>(() =>
            ExactlyOnceSourceSettings.Parse(
                settings,
                TimeSpan.FromSeconds(60),
                DeclaringSource.Declaring(() => ExactlyOnceSupport.Supported)
            )
        );

        Assert.Equal("exactly.once.support", error.Key);
        Assert.Equal(
            "This worker does not have exactly-once source support enabled.",
            error.Message
        );
    }

    [Fact]
    public void AConnectorsDefinition_CarriesItsPluginsDeclaration_WhichIsAskedAboutItsOwnConfig()
    {
        IReadOnlyDictionary<string, string?>? seen = null;
        var plugin = new ConfigDefinition("Test.Source", [])
        {
            ExactlyOnceSupport = config =>
            {
                seen = config;
                return config.GetValueOrDefault("mode") == "replayable"
                    ? ExactlyOnceSupport.Supported
                    : ExactlyOnceSupport.Unsupported;
            },
        };
        var definition = DeclaringSource.Definition(plugin);

        Registration(definition, "replayable").Validate(DeclaringSource.EnabledWorker);
        Assert.Equal("replayable", seen?["mode"]);
        // The connector's config, not the worker's: Connect passes the connector config only.
        Assert.False(seen!.ContainsKey("group.id"));

        var refused = Assert.Throws<ConfigValidationException>(() =>
            Registration(definition, "live").Validate(DeclaringSource.EnabledWorker)
        );
        var issue = Assert.Single(refused.Issues);
        Assert.Equal("exactly.once.support", issue.Key);
        Assert.Equal(Unsupported, issue.Message);
    }

    [Fact]
    public void AConnectorDeclaringNothing_IsRefusedOnValidate_AsConnectRefusesIt()
    {
        var definition = DeclaringSource.Definition(new ConfigDefinition("Test.Source", []));
        Assert.Null(definition.ExactlyOnceSupport);

        var refused = Assert.Throws<ConfigValidationException>(() =>
            Registration(definition, "replayable").Validate(DeclaringSource.EnabledWorker)
        );

        var issue = Assert.Single(refused.Issues);
        Assert.Equal("exactly.once.support", issue.Key);
        Assert.StartsWith(Undeclared, issue.Message, StringComparison.Ordinal);
    }

    private static ConnectorRegistration Registration(ConfigDefinition definition, string mode) =>
        DeclaringSource.Registration(definition, mode, "exactly.once.support", "required");
}
