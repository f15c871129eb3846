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
    // The runtime's PluginKind.ConfigProvider.
    private const int ConfigProviderKind = 6;

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
            || plugin.ConstructorArguments.Length != 2
            || plugin.ConstructorArguments[0].Value is not string className
            || plugin.ConstructorArguments[1].Value is not int kind
            || kind != ConfigProviderKind
        )
        {
            return null;
        }
        var aliases = plugin
            .NamedArguments.Where(a =>
                a.Key == "Aliases" && a.Value.Kind == TypedConstantKind.Array
            )
            .SelectMany(a => a.Value.Values.Select(v => v.Value as string ?? string.Empty));
        var description = plugin
            .NamedArguments.Where(a => a.Key == "Description")
            .Select(a => a.Value.Value as string)
            .FirstOrDefault();
        return new ConfigProviderPluginModel(
            className,
            aliases.ToEquatableArray(),
            type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
            description ?? string.Empty
        );
    }
}
