using System.Collections.Generic;
using System.Linq;
using System.Threading;
using KConnector.Generator.Helpers;
using KConnector.Generator.Plugins;
using Microsoft.CodeAnalysis;

namespace KConnector.Generator.ConfigProviders;

/// <summary>
/// Finds the config provider descriptors of the packages a compilation references (the runtime's
/// own three are in its table already): Kafka Connect's plugin scan for <c>ConfigProvider</c>s,
/// done by the compiler, so that a worker config may name a package's provider by class.
/// </summary>
internal static class ConfigProviderCatalogReader
{
    public static EquatableArray<ConfigProviderPluginModel> Read(
        Compilation compilation,
        CancellationToken cancellationToken
    )
    {
        var providers = new List<ConfigProviderPluginModel>();
        foreach (var assembly in compilation.SourceModule.ReferencedAssemblySymbols)
        {
            if (
                assembly.Name == PluginAttributeNames.RuntimeAssembly
                || !PluginCatalogReader.MayHoldDescriptors(assembly)
            )
            {
                continue;
            }
            foreach (var type in PluginCatalogReader.TypesOf(assembly.GlobalNamespace))
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (Read(type) is { } provider)
                {
                    providers.Add(provider);
                }
            }
        }
        return providers
            .OrderBy(p => p.ClassName, System.StringComparer.Ordinal)
            .ToEquatableArray();
    }

    private static ConfigProviderPluginModel? Read(INamedTypeSymbol type)
    {
        var plugin = type.GetAttributes()
            .FirstOrDefault(a =>
                a.AttributeClass?.ToDisplayString() == PluginAttributeNames.ConnectPlugin
            );
        if (
            plugin is null
            || ConnectPluginArguments.Of(plugin) is not { } arguments
            || arguments.Kind != PluginAttributeKind.ConfigProvider
        )
        {
            return null;
        }
        return new ConfigProviderPluginModel(
            arguments.ClassName,
            arguments.Aliases,
            type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
            arguments.Named("Description") as string ?? string.Empty
        );
    }
}
