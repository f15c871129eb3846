using KConnector.Configuration;

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
            // Resolved values (${env:...}), as the generated worker hands its task factory.
            var resolved = connector.Validate(settings.Connector).Originals;
            connector.Definition.ValidateAcrossKeys(resolved);
            return null;
        }
        catch (ConfigValidationException e)
        {
            return e.Issues.Count > 0 && e.Connector != connector.Name
                ? new ConfigValidationException(connector.Name, e.Issues)
                : e;
        }
    }
}
