using KConnector.Configuration;
using KConnector.Configuration.Framework;
using KConnector.Distributed.ExactlyOnce;
using KConnector.GeneratedCode;
using KConnector.Hosting;

namespace KConnector.Tests.Distributed.ExactlyOnce;

/// <summary>
/// A source connector "Test.Source" whose plugin declares what a test gives it, and the enabled
/// worker Kafka Connect's exactly-once preflight asks it on: the set-up the declaration tests share.
/// </summary>
internal static class DeclaringSource
{
    public static readonly Dictionary<string, string> EnabledWorker = new()
    {
        ["group.id"] = "connect-cluster",
        ["exactly.once.source.support"] = "enabled",
        ["bootstrap.servers"] = "127.0.0.1:9",
    };

    /// <summary>The connector's settings over the enabled worker's, with <paramref name="key"/> set.</summary>
    public static Dictionary<string, string> OnEnabledWorker(string key, string value) =>
        new(EnabledWorker) { ["name"] = "orders", [key] = value };

    /// <summary>The connector's own config, its plugin declaring what is given (null: nothing).</summary>
    public static ParsedConfig Declaring(
        Func<ExactlyOnceSupport?>? exactlyOnceSupport = null,
        Func<ConnectorTransactionBoundaries>? transactionBoundaries = null
    ) =>
        Definition(
                new ConfigDefinition("Test.Source", [])
                {
                    ExactlyOnceSupport = exactlyOnceSupport is null
                        ? null
                        : _ => exactlyOnceSupport(),
                    CanDefineTransactionBoundaries = transactionBoundaries is null
                        ? null
                        : _ => transactionBoundaries(),
                }
            )
            .Parse(
                new Dictionary<string, string?>
                {
                    ["name"] = "orders",
                    ["connector.class"] = "Test.Source",
                }
            );

    /// <summary>The framework's source definition extended with <paramref name="plugin"/>'s.</summary>
    public static ConfigDefinition Definition(ConfigDefinition plugin) =>
        ConnectorConfigDefinition.ForSource("Test.Source").Extend(plugin);

    /// <summary>
    /// The road validate and start take, for the connector with <c>mode</c> and
    /// <paramref name="key"/> set in its own config.
    /// </summary>
    public static ConnectorRegistration Registration(
        ConfigDefinition definition,
        string mode,
        string key,
        string value
    ) =>
        ConnectorRegistration.ForValidated(
            isSink: false,
            _ => new ValidatedConnector(
                definition.Parse(
                    new Dictionary<string, string?>
                    {
                        ["name"] = "orders",
                        ["connector.class"] = "Test.Source",
                        ["mode"] = mode,
                        [key] = value,
                    }
                ),
                (_, _) => throw new InvalidOperationException("validate makes no task")
            )
        );
}
