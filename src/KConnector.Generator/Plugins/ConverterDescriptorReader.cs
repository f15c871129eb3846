using KConnector.Generator.Connectors;
using Microsoft.CodeAnalysis;

namespace KConnector.Generator.Plugins;

/// <summary>Reads one <c>[ConnectPlugin]</c> converter or header converter descriptor into a <see cref="ConverterPluginModel"/>.</summary>
internal static class ConverterDescriptorReader
{
    /// <summary>The converter <paramref name="descriptor"/> describes, or null when it is another kind of plugin.</summary>
    public static ConverterPluginModel? Read(
        INamedTypeSymbol descriptor,
        AttributeData plugin,
        bool builtIn = true
    )
    {
        if (
            ConnectPluginArguments.Of(plugin) is not { } arguments
            || arguments.Kind
                is not (PluginAttributeKind.Converter or PluginAttributeKind.HeaderConverter)
        )
        {
            return null;
        }
        var headerConverter = arguments.Kind == PluginAttributeKind.HeaderConverter;
        var alsoHeaderConverter = arguments.Flag("AlsoHeaderConverter");
        return new ConverterPluginModel(
            arguments.ClassName,
            arguments.Aliases,
            headerConverter,
            arguments.Named("Carries") is int carries ? (TypeFormats)carries : default,
            ConfigKeyAttributeReader.Read(descriptor)
        )
        {
            AlsoHeaderConverter = alsoHeaderConverter,
            Descriptor = builtIn
                ? null
                : descriptor.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
            Creatable = Converters.ConverterCreationMembers.Present(
                descriptor,
                converter: !headerConverter,
                headerConverter: headerConverter || alsoHeaderConverter
            ),
        };
    }
}
