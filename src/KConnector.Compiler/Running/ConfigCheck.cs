using KConnector.Configuration;
using KConnector.Configuration.Providers;

namespace KConnector.Compiler.Running;

/// <summary>
/// What a standalone worker checks of a connector's config before anything runs: its typed config
/// and the worker's keys (<see cref="Hosting.ConnectorRegistration.Validate"/>), then the
/// connector's own rules across keys (its descriptor's <c>ValidateAcrossKeys</c>, which the generated
/// config's <see cref="ConfigDefinition.CrossKeyRules"/> carries: no reflection). <c>validate</c> and
/// <c>run</c> both call it, so they give the same verdict naming the same key.
/// </summary>
internal static class ConfigCheck
{
    /// <summary>The connector's issues with <paramref name="settings"/> applied, or null when it is valid.</summary>
    public static ConfigValidationException? Check(
        CompiledConnector connector,
        StandaloneSettings settings
    )
    {
        try
        {
            connector.Register(settings.Connector).Validate(settings.Worker);
            // Resolved values (${env:...}, through the worker's config.providers), as the
            // generated worker hands its task factory.
            var resolver = WorkerConfigProviders.CreateResolver(settings.Worker);
            var resolved = connector.Validate(settings.Connector, resolver).Originals;
            connector.Definition.ValidateAcrossKeys(resolved);
            return null;
        }
        catch (KConnector.Errors.ConfigException e)
        {
            // The worker's config.providers: named by their key.
            return new ConfigValidationException(
                connector.Name,
                [new ConfigIssue(e.Key, e.Message)]
            );
        }
        catch (ConfigValidationException e)
        {
            return e.Issues.Count > 0 && e.Connector != connector.Name
                ? new ConfigValidationException(connector.Name, e.Issues)
                : e;
        }
    }
}
