using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace KConnector.Compiler.Plugins;

/// <summary>
/// What this process carries (its deps.json, as the host's trusted platform assemblies): the .NET
/// framework, KConnector, its built-in connectors, Confluent.Kafka, Microsoft.Extensions. A spec
/// compiles against all of them, and a plugin from <c>plugin.path</c> shares them: a plugin's own
/// copy of one of these is never loaded, so its types are the tool's.
/// </summary>
internal static class HostAssemblies
{
    private static readonly Lazy<IReadOnlyList<string>> Paths = new(() =>
    {
        var paths = ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .ToList();
        // The runtime and every built-in connector, wherever the host loaded them from.
        paths.AddRange(SpecCompiler.BuiltInConnectorAssemblies.Select(a => a.Location));
        return
        [
            .. paths.Where(p => p.Length > 0 && File.Exists(p)).Distinct(StringComparer.Ordinal),
        ];
    });

    private static readonly Lazy<IReadOnlySet<string>> Names = new(() =>
        Paths
            .Value.Select(Path.GetFileNameWithoutExtension)
            .OfType<string>()
            .ToHashSet(StringComparer.OrdinalIgnoreCase)
    );

    /// <summary>The compile-time references of every spec: the host's assemblies.</summary>
    public static readonly Lazy<ImmutableArray<MetadataReference>> References = new(() =>
        [.. Paths.Value.Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))]
    );

    /// <summary>Whether the host carries an assembly of this simple name.</summary>
    public static bool Carries(string assemblyName) => Names.Value.Contains(assemblyName);
}
