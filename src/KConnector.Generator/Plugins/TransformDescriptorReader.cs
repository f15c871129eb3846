using Microsoft.CodeAnalysis;

namespace KConnector.Generator.Plugins;

/// <summary>Reads one <c>[ConnectPlugin]</c> descriptor of kind Transformation or Predicate into a <see cref="TransformPluginModel"/>.</summary>
internal static class TransformDescriptorReader
{
    /// <summary>The transform or predicate <paramref name="descriptor"/> describes, or null for another kind of plugin.</summary>
    public static TransformPluginModel? Read(
        INamedTypeSymbol descriptor,
        AttributeData plugin,
        bool builtIn = true
    )
    {
        if (
            ConnectPluginArguments.Of(plugin) is not { } arguments
            || arguments.Kind
                is not (PluginAttributeKind.Transformation or PluginAttributeKind.Predicate)
        )
        {
            return null;
        }
        return new TransformPluginModel(
            arguments.ClassName,
            arguments.Aliases,
            arguments.Kind == PluginAttributeKind.Predicate,
            ConfigKeyAttributeReader.Read(descriptor),
            builtIn ? null : descriptor.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
            arguments.Flag("SchemalessRecordsOnly")
        );
    }
}
