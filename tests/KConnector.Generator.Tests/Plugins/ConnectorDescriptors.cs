using System.Reflection;
using KConnector.Configuration;
using KConnector.Plugins;

namespace KConnector.Generator.Tests.Plugins;

/// <summary>
/// The connector descriptors of the <c>KConnector.Connectors.*</c> assemblies this process carries,
/// each with the <c>Definition</c> generated into it: what the generator's catalog must agree with.
/// </summary>
internal static class ConnectorDescriptors
{
    public static IReadOnlyList<(string ClassName, ConfigDefinition Definition)> All() =>
        [
            .. ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
                .Split(Path.PathSeparator)
                .Select(Path.GetFileNameWithoutExtension)
                .Where(n => n!.StartsWith("KConnector.Connectors.", StringComparison.Ordinal))
                .Distinct(StringComparer.Ordinal)
                .SelectMany(n => Assembly.Load(new AssemblyName(n!)).GetExportedTypes())
                .Select(t => (Type: t, Plugin: t.GetCustomAttribute<ConnectPluginAttribute>()))
                .Where(d => d.Plugin?.Kind is PluginKind.Source or PluginKind.Sink)
                .Select(d =>
                    (
                        d.Plugin!.ClassName,
                        (ConfigDefinition)
                            d
                                .Type.GetProperty(
                                    "Definition",
                                    BindingFlags.Public | BindingFlags.Static
                                )!
                                .GetValue(null)!
                    )
                )
                .OrderBy(d => d.ClassName, StringComparer.Ordinal),
        ];
}
