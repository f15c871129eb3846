using KConnector.Configuration;
using KConnector.Distributed.ExactlyOnce;
using KConnector.Errors;
using KConnector.Hosting;

namespace KConnector.Tests.Distributed.ExactlyOnce;

/// <summary>
/// <c>transaction.boundary=connector</c> on an enabled distributed worker asks the connector whether
/// it can define its own transaction boundaries (Kafka Connect's
/// <c>SourceConnector.canDefineTransactionBoundaries</c>): SUPPORTED is accepted; UNSUPPORTED and no
/// declaration are refused with Connect's message naming <c>transaction.boundary</c>, through
/// <see cref="ExactlyOnceSourceSettings.Parse"/> and the road validate and start take
/// (<see cref="ConnectorRegistration.ForValidated"/>).
/// </summary>
public sealed class DeclaredTransactionBoundariesTests
{
    private const string Refused =
        "The connector does not support connector-defined transaction boundaries with the given configuration.";

    private static Dictionary<string, string> ConnectorBoundary() =>
        DeclaringSource.OnEnabledWorker("transaction.boundary", "connector");

    [Fact]
    public void Supported_IsAccepted()
    {
        var settings = ExactlyOnceSourceSettings.Parse(
            ConnectorBoundary(),
            TimeSpan.FromSeconds(60),
            DeclaringSource.Declaring(transactionBoundaries: () =>
                ConnectorTransactionBoundaries.Supported
            )
        );

        Assert.Equal(TransactionBoundary.Connector, settings.Boundary);
        Assert.True(settings.Transactional);
    }

    [Fact]
    public void UnsupportedOrUndeclared_IsRefused_NamingTheKey()
    {
        foreach (
            var declared in new Func<ConnectorTransactionBoundaries>?[]
            {
                () => ConnectorTransactionBoundaries.Unsupported,
                null,
            }
        )
        {
            var error = Assert.Throws<ConfigException>(() =>
                ExactlyOnceSourceSettings.Parse(
                    ConnectorBoundary(),
                    TimeSpan.FromSeconds(60),
                    DeclaringSource.Declaring(transactionBoundaries: declared)
                )
            );

            Assert.Equal("transaction.boundary", error.Key);
            Assert.StartsWith(Refused, error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void APollBoundary_DoesNotAskTheConnector()
    {
        var settings = ConnectorBoundary();
        settings["transaction.boundary"] = "poll";

        var parsed = ExactlyOnceSourceSettings.Parse(
            settings,
            TimeSpan.FromSeconds(60),
            DeclaringSource.Declaring(transactionBoundaries: () =>
                throw new InvalidOperationException("asked")
            )
        );

        Assert.Equal(TransactionBoundary.Poll, parsed.Boundary);
    }

    [Fact]
    public void AConnectorsDefinition_CarriesItsPluginsDeclaration_WhichIsAskedAboutItsOwnConfig()
    {
        IReadOnlyDictionary<string, string?>? seen = null;
        var plugin = new ConfigDefinition("Test.Source", [])
        {
            CanDefineTransactionBoundaries = config =>
            {
                seen = config;
                return config.GetValueOrDefault("mode") == "batched"
                    ? ConnectorTransactionBoundaries.Supported
                    : ConnectorTransactionBoundaries.Unsupported;
            },
        };
        var definition = DeclaringSource.Definition(plugin);

        Registration(definition, "batched").Validate(DeclaringSource.EnabledWorker);
        Assert.Equal("batched", seen?["mode"]);
        Assert.False(seen!.ContainsKey("group.id"));

        var refused = Assert.Throws<ConfigValidationException>(() =>
            Registration(definition, "live").Validate(DeclaringSource.EnabledWorker)
        );
        var issue = Assert.Single(refused.Issues);
        Assert.Equal("transaction.boundary", issue.Key);
        Assert.StartsWith(Refused, issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ASourceDeclaringNothing_IsRefusedOnValidate_WithConnectsMessage()
    {
        var definition = DeclaringSource.Definition(new ConfigDefinition("Test.Source", []));
        Assert.Null(definition.CanDefineTransactionBoundaries);

        var refused = Assert.Throws<ConfigValidationException>(() =>
            Registration(definition, "batched").Validate(DeclaringSource.EnabledWorker)
        );

        var issue = Assert.Single(refused.Issues);
        Assert.Equal("transaction.boundary", issue.Key);
        Assert.Equal(
            Refused + " Please reconfigure it to use a different transaction boundary definition.",
            issue.Message
        );
    }

    private static ConnectorRegistration Registration(ConfigDefinition definition, string mode) =>
        DeclaringSource.Registration(definition, mode, "transaction.boundary", "connector");
}
