using System.Linq;
using KConnector.Generator.Helpers;
using Microsoft.CodeAnalysis;

namespace KConnector.Generator.Plugins;

/// <summary>Reads one <c>[ConnectPlugin]</c> descriptor of kind Transformation or Predicate into a <see cref="TransformPluginModel"/>.</summary>
internal static class TransformDescriptorReader
{
    // The runtime's PluginKind values.
    private const int TransformationKind = 4;
    private const int PredicateKind = 5;

    /// <summary>The transform or predicate <paramref name="descriptor"/> describes, or null for another kind of plugin.</summary>
    public static TransformPluginModel? Read(
        INamedTypeSymbol descriptor,
        AttributeData plugin,
        bool builtIn = true
    )
    {
        if (
            plugin.ConstructorArguments.Length != 2
            || plugin.ConstructorArguments[0].Value is not string className
            || plugin.ConstructorArguments[1].Value is not int kind
            || (kind != TransformationKind && kind != PredicateKind)
        )
        {
            return null;
        }
        var aliases = plugin
            .NamedArguments.Where(a =>
                a.Key == "Aliases" && a.Value.Kind == TypedConstantKind.Array
            )
            .SelectMany(a => a.Value.Values.Select(v => v.Value as string ?? string.Empty));
        return new TransformPluginModel(
            className,
            aliases.ToEquatableArray(),
            kind == PredicateKind,
            ConfigKeyAttributeReader.Read(descriptor),
            builtIn ? null : descriptor.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
            plugin.NamedArguments.Any(a =>
                a.Key == "SchemalessRecordsOnly" && a.Value.Value is true
            )
        );
    }
}
