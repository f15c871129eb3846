using System.Linq;
using KConnector.Generator.Connectors;
using KConnector.Generator.Helpers;
using KConnector.Generator.Plugins;
using Microsoft.CodeAnalysis;

namespace KConnector.Generator.ConfigProviders;

/// <summary>
/// Writes, for a project that references config provider packages, a module initializer that
/// registers each provider with the worker's table (<c>ConfigProviderPlugins.Register</c>): its
/// descriptor's names, its generated <c>Definition</c> and its static <c>Create</c>, so a worker
/// config's <c>config.providers.&lt;name&gt;.class</c> finds it with no reflection. Nothing is
/// written when there are none.
/// </summary>
internal static class ConfigProviderRegistrationEmitter
{
    public const string HintName = "KConnector.ConfigProviderRegistrations.g.cs";

    public static void Emit(
        SourceProductionContext context,
        EquatableArray<ConfigProviderPluginModel> providers
    )
    {
        if (providers.Count == 0)
        {
            return;
        }
        RegistrationInitializer.Add(
            context,
            HintName,
            "ConfigProviderRegistrations",
            "Registers the referenced config provider plugins before anything runs.",
            w =>
            {
                foreach (var p in providers)
                {
                    var aliases = string.Join(", ", p.Aliases.Select(a => EmitText.Literal(a)));
                    w.WriteLine(
                        $"global::KConnector.Configuration.Providers.ConfigProviderPlugins.Register(typeof({p.Descriptor}), {EmitText.Literal(p.ClassName)}, new string[] {{ {aliases} }}, {p.Descriptor}.Definition, {p.Descriptor}.Create, {EmitText.Literal(p.Description)});"
                    );
                }
            }
        );
    }
}
