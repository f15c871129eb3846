using System.Linq;
using System.Threading;
using KConnector.Generator.Connectors;
using KConnector.Generator.Helpers;
using KConnector.Generator.Plugins;
using Microsoft.CodeAnalysis;

namespace KConnector.Generator.FrameworkConfig;

/// <summary>
/// Reads a <c>[TypedConfigKeys(typeof(KeySet))]</c> class: the <c>[ConfigKey]</c> attributes of the
/// key set it names, read as the plugin catalog reads them, so the typed properties and the keys a
/// spec may give come from the same attributes. As with [IncludeConfigKeys], an IDE edit of the key
/// set alone reaches the typed class at its next edit (the attribute provider follows the attributed
/// class); a build always reads it afresh, and only the runtime declares such classes.
/// </summary>
internal static class TypedConfigClassReader
{
    public const string AttributeName =
        "KConnector.Configuration.Framework.TypedConfigKeysAttribute";

    public static TypedConfigClassModel? Read(
        GeneratorAttributeSyntaxContext context,
        CancellationToken cancellationToken
    )
    {
        var type = (INamedTypeSymbol)context.TargetSymbol;
        cancellationToken.ThrowIfCancellationRequested();
        if (
            context.Attributes[0].ConstructorArguments.FirstOrDefault().Value
            is not INamedTypeSymbol keySet
        )
        {
            return null;
        }
        var keys = ConfigKeyAttributeReader.Read(keySet).Select(AsConnectorKey).ToEquatableArray();
        return new TypedConfigClassModel(
            type.ContainingNamespace.IsGlobalNamespace
                ? string.Empty
                : type.ContainingNamespace.ToDisplayString(),
            type.Name,
            keys,
            type.BaseType?.GetAttributes()
                .Any(a => a.AttributeClass?.ToDisplayString() == AttributeName) == true
        );
    }

    /// <summary>
    /// A string key with no default (<c>connector.class</c>, <c>key.converter</c>,
    /// <c>value.converter</c>) always holds a value in a connector's config: ForSink/ForSource
    /// default <c>connector.class</c> to the class and each generated definition gives its
    /// converters (ConnectorKeys.For). So it is typed <c>string</c>, as the generated configs
    /// always typed it, empty only in an invalid config.
    /// </summary>
    private static ConfigKeyModel AsConnectorKey(ConfigKeyModel key) =>
        key.Type == ConfigKeyType.String && key.Default is null
            ? key with
            {
                Default = string.Empty,
            }
            : key;
}
