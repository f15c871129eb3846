using System.Reflection;

namespace KConnector.Compiler;

/// <summary>
/// The connector assemblies this process carries: every <c>KConnector.Connectors.*</c> assembly of
/// the host's trusted platform assemblies (what its deps.json lists), so that a connector project
/// added to the repository is a built-in connector of the tool without a list to edit.
/// </summary>
internal static class ConnectorAssemblies
{
    private const string Prefix = "KConnector.Connectors.";

    /// <summary>The assemblies, loaded, ordered by name.</summary>
    public static IReadOnlyList<Assembly> Carried() =>
        [
            .. ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? string.Empty)
                .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
                .Where(p =>
                    Path.GetFileName(p).StartsWith(Prefix, StringComparison.Ordinal)
                    && p.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)
                )
                .Select(p => Path.GetFileNameWithoutExtension(p))
                // A test host's own test projects are not connectors (the names build.sh packs none of).
                .Where(n =>
                    !n.EndsWith("Tests", StringComparison.Ordinal)
                    && !n.EndsWith("TestHost", StringComparison.Ordinal)
                    && !n.EndsWith("Benchmarks", StringComparison.Ordinal)
                )
                .Distinct(StringComparer.Ordinal)
                .Order(StringComparer.Ordinal)
                .Select(n => Assembly.Load(new AssemblyName(n))),
        ];
}
