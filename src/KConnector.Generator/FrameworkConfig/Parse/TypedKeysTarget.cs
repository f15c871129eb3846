using System.Linq;
using Microsoft.CodeAnalysis;

namespace KConnector.Generator.FrameworkConfig;

/// <summary>
/// What a <c>[TypedConfigKeys(typeof(KeySet))]</c> type is, for both of its readers (the runtime's
/// typed classes, a connector's options records): its namespace, its name and the key set the
/// attribute names.
/// </summary>
internal readonly record struct TypedKeysTarget(
    string Namespace,
    string Name,
    INamedTypeSymbol Type,
    INamedTypeSymbol KeySet
)
{
    /// <summary>The target of <paramref name="context"/>, or null when the attribute names no type.</summary>
    public static TypedKeysTarget? Of(GeneratorAttributeSyntaxContext context)
    {
        var type = (INamedTypeSymbol)context.TargetSymbol;
        if (
            context.Attributes[0].ConstructorArguments.FirstOrDefault().Value
            is not INamedTypeSymbol keySet
        )
        {
            return null;
        }
        return new TypedKeysTarget(
            type.ContainingNamespace.IsGlobalNamespace
                ? string.Empty
                : type.ContainingNamespace.ToDisplayString(),
            type.Name,
            type,
            keySet
        );
    }
}
