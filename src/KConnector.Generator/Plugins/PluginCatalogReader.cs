using System.Collections.Generic;
using System.Linq;
using System.Threading;
using KConnector.Generator.Connectors;
using KConnector.Generator.Helpers;
using Microsoft.CodeAnalysis;

namespace KConnector.Generator.Plugins;

/// <summary>
/// Finds the descriptors in the assemblies a compilation references (Kafka Connect's plugin scan,
/// done by the compiler): <c>[ConnectPlugin]</c> classes and the runtime's <c>[ConfigKeySet]</c>
/// classes. Only KConnector and the assemblies that reference it are searched.
/// </summary>
internal static class PluginCatalogReader
{
    // The runtime's ConfigKeyScope values.
    private const int ConnectorScope = 0;
    private const int SinkScope = 1;
    private const int SourceScope = 2;
    private const int BuildTimeScope = 4;

    public static PluginCatalog Read(Compilation compilation, CancellationToken cancellationToken)
    {
        var plugins = new List<PluginModel>();
        var transforms = new List<TransformPluginModel>();
        var converters = new List<ConverterPluginModel>();
        var sets = new List<(int Scope, EquatableArray<ConfigKeyModel> Keys)>();
        foreach (var assembly in compilation.SourceModule.ReferencedAssemblySymbols)
        {
            if (!MayHoldDescriptors(assembly))
            {
                continue;
            }
            foreach (var type in TypesOf(assembly.GlobalNamespace))
            {
                cancellationToken.ThrowIfCancellationRequested();
                foreach (var attribute in type.GetAttributes())
                {
                    var name = attribute.AttributeClass?.ToDisplayString();
                    if (name == PluginAttributeNames.ConnectPlugin)
                    {
                        if (PluginDescriptorReader.Read(type, attribute, assembly.Name) is { } p)
                        {
                            plugins.Add(p);
                        }
                        // A package's transformations too: the generated module initializer
                        // registers them with the worker (Transforms/TransformRegistrationEmitter).
                        // A package's converters too (Converters/ConverterRegistrationEmitter).
                        else if (
                            ConverterDescriptorReader.Read(
                                type,
                                attribute,
                                assembly.Name == PluginAttributeNames.RuntimeAssembly
                            ) is
                            { } c
                        )
                        {
                            converters.Add(c);
                        }
                        else if (
                            TransformDescriptorReader.Read(
                                type,
                                attribute,
                                assembly.Name == PluginAttributeNames.RuntimeAssembly
                            ) is
                            { } t
                        )
                        {
                            transforms.Add(t);
                        }
                    }
                    else if (
                        name == PluginAttributeNames.ConfigKeySet
                        && attribute.ConstructorArguments.FirstOrDefault().Value is int scope
                    )
                    {
                        sets.Add((scope, ConfigKeyAttributeReader.Read(type)));
                    }
                }
            }
        }
        return new PluginCatalog(
            plugins.OrderBy(p => p.ClassName, System.StringComparer.Ordinal).ToEquatableArray(),
            FrameworkKeys(sets),
            transforms.OrderBy(t => t.ClassName, System.StringComparer.Ordinal).ToEquatableArray(),
            converters.OrderBy(c => c.ClassName, System.StringComparer.Ordinal).ToEquatableArray()
        );
    }

    /// <summary>The keys a spec may give, in Kafka Connect's order: ConnectorConfig's, then the sink's and source's, then the build-time ones.</summary>
    private static EquatableArray<KnownKey> FrameworkKeys(
        List<(int Scope, EquatableArray<ConfigKeyModel> Keys)> sets
    )
    {
        var keys = new List<KnownKey>();
        foreach (var scope in new[] { ConnectorScope, SinkScope, SourceScope, BuildTimeScope })
        {
            foreach (var key in sets.Where(s => s.Scope == scope).SelectMany(s => s.Keys))
            {
                keys.Add(
                    new KnownKey(
                        key,
                        ForSource: scope != SinkScope,
                        ForSink: scope != SourceScope,
                        BuildTimeOnly: scope == BuildTimeScope
                    )
                );
            }
        }
        return keys.ToEquatableArray();
    }

    /// <summary>
    /// The framework keys alone, from the assembly that defines the descriptor attributes (the
    /// runtime): what an attribute connector's own keys must not clash with.
    /// </summary>
    public static EquatableArray<KnownKey> ReadFrameworkKeys(Compilation compilation)
    {
        var runtime = compilation
            .GetTypeByMetadataName(PluginAttributeNames.ConfigKeySet)
            ?.ContainingAssembly;
        var sets = new List<(int Scope, EquatableArray<ConfigKeyModel> Keys)>();
        if (runtime is not null)
        {
            foreach (var type in TypesOf(runtime.GlobalNamespace))
            {
                foreach (var attribute in type.GetAttributes())
                {
                    if (
                        attribute.AttributeClass?.ToDisplayString()
                            == PluginAttributeNames.ConfigKeySet
                        && attribute.ConstructorArguments.FirstOrDefault().Value is int scope
                    )
                    {
                        sets.Add((scope, ConfigKeyAttributeReader.Read(type)));
                    }
                }
            }
        }
        return FrameworkKeys(sets);
    }

    internal static bool MayHoldDescriptors(IAssemblySymbol assembly) =>
        assembly.Name == PluginAttributeNames.RuntimeAssembly
        || assembly.Modules.Any(m =>
            m.ReferencedAssemblies.Any(r => r.Name == PluginAttributeNames.RuntimeAssembly)
        );

    internal static IEnumerable<INamedTypeSymbol> TypesOf(INamespaceSymbol ns)
    {
        foreach (var type in ns.GetTypeMembers())
        {
            if (type.DeclaredAccessibility == Accessibility.Public)
            {
                yield return type;
            }
        }
        foreach (var inner in ns.GetNamespaceMembers())
        {
            foreach (var type in TypesOf(inner))
            {
                yield return type;
            }
        }
    }
}
