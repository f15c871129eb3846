using System.Linq;
using KConnector.Generator.Connectors;
using KConnector.Generator.Helpers;
using Microsoft.CodeAnalysis;

namespace KConnector.Generator.Plugins;

/// <summary>Reads one <c>[ConnectPlugin]</c> converter or header converter descriptor into a <see cref="ConverterPluginModel"/>.</summary>
internal static class ConverterDescriptorReader
{
    // The runtime's PluginKind values of converters.
    private const int ConverterKind = 2;
    private const int HeaderConverterKind = 3;

    /// <summary>The converter <paramref name="descriptor"/> describes, or null when it is another kind of plugin.</summary>
    public static ConverterPluginModel? Read(
        INamedTypeSymbol descriptor,
        AttributeData plugin,
        bool builtIn = true
    )
    {
        if (
            plugin.ConstructorArguments.Length != 2
            || plugin.ConstructorArguments[0].Value is not string className
            || plugin.ConstructorArguments[1].Value is not int kind
            || (kind != ConverterKind && kind != HeaderConverterKind)
        )
        {
            return null;
        }
        var aliases = plugin
            .NamedArguments.Where(a =>
                a.Key == "Aliases" && a.Value.Kind == TypedConstantKind.Array
            )
            .SelectMany(a => a.Value.Values.Select(v => v.Value as string ?? string.Empty));
        var carries = plugin
            .NamedArguments.Where(a => a.Key == "Carries" && a.Value.Value is int)
            .Select(a => (TypeFormats)(int)a.Value.Value!)
            .FirstOrDefault();
        var alsoHeaderConverter = plugin.NamedArguments.Any(a =>
            a.Key == "AlsoHeaderConverter" && a.Value.Value is true
        );
        return new ConverterPluginModel(
            className,
            aliases.ToEquatableArray(),
            kind == HeaderConverterKind,
            carries,
            ConfigKeyAttributeReader.Read(descriptor)
        )
        {
            AlsoHeaderConverter = alsoHeaderConverter,
            Descriptor = builtIn
                ? null
                : descriptor.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
            Creatable = Converters.ConverterCreationMembers.Present(
                descriptor,
                converter: kind == ConverterKind,
                headerConverter: kind == HeaderConverterKind || alsoHeaderConverter
            ),
        };
    }
}
