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
        cancellationToken.ThrowIfCancellationRequested();
        if (TypedKeysTarget.Of(context) is not { } target)
        {
            return null;
        }
        var keys = ConfigKeyAttributeReader
            .Read(target.KeySet)
            .Select(AsConnectorKey)
            .ToEquatableArray();
        return new TypedConfigClassModel(
            target.Namespace,
            target.Name,
            keys,
            target
                .Type.BaseType?.GetAttributes()
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
