using KConnector.Configuration;
using KConnector.Hosting;

namespace KConnector.Rest;

/// <summary>
/// Turns a connector config given over REST into a registration the worker runs, the one road every
/// connector takes (a validated config, then <see cref="IConnectorController.AddConnectorAsync"/>).
/// <c>kconnector run</c> compiles the config as it compiles a spec (its record types from the schema
/// files the config names, or strings / bytes for schemaless converters). A hosted worker without
/// one serves every endpoint but those that create or reconfigure connectors.
/// </summary>
public interface IConnectorFactory
{
    /// <summary>The connector plugins it can create.</summary>
    IReadOnlyList<ConnectorPlugin> Plugins { get; }

    /// <summary>
    /// The registration of <paramref name="config"/> (which holds <c>name</c> and <c>connector.class</c>);
    /// throws a <see cref="ConfigValidationException"/> naming every key at fault.
    /// </summary>
    ConnectorRegistration Create(IReadOnlyDictionary<string, string> config);

    /// <summary>
    /// Every issue <see cref="Create"/> would find with <paramref name="config"/>, the same verdict as
    /// <c>kconnector validate</c>; empty when it is valid.
    /// </summary>
    IReadOnlyList<ConfigIssue> Validate(IReadOnlyDictionary<string, string> config);
}
