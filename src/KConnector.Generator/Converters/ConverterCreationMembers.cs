using System.Linq;
using Microsoft.CodeAnalysis;

namespace KConnector.Generator.Converters;

/// <summary>
/// How the worker creates a converter: the descriptor's members the generated registration calls
/// (Kafka Connect instantiates the class by reflection; here the compiler binds the call).
/// </summary>
internal static class ConverterCreationMembers
{
    /// <summary><c>public static IConverter&lt;T&gt;? Create&lt;T&gt;(ConverterContext&lt;T&gt; context)</c>.</summary>
    public const string Create = "Create";

    /// <summary><c>public static IHeaderConverter CreateHeaderConverter()</c>.</summary>
    public const string CreateHeaderConverter = "CreateHeaderConverter";

    private const string Context = "KConnector.Converters.ConverterContext<T>";
    private const string Converter = "KConnector.Converters.IConverter<T>";
    private const string HeaderConverter = "KConnector.Converters.Headers.IHeaderConverter";

    /// <summary>Whether <paramref name="descriptor"/> has the members its roles need.</summary>
    public static bool Present(INamedTypeSymbol descriptor, bool converter, bool headerConverter) =>
        (!converter || descriptor.GetMembers(Create).OfType<IMethodSymbol>().Any(IsCreate))
        && (
            !headerConverter
            || descriptor
                .GetMembers(CreateHeaderConverter)
                .OfType<IMethodSymbol>()
                .Any(IsCreateHeaderConverter)
        );

    private static bool IsCreate(IMethodSymbol method) =>
        IsPublicStatic(method)
        && method.TypeParameters.Length == 1
        && method.Parameters.Length == 1
        && method.Parameters[0].Type.OriginalDefinition.ToDisplayString() == Context
        && method.ReturnType is INamedTypeSymbol returned
        && returned.OriginalDefinition.ToDisplayString() == Converter
        && SymbolEqualityComparer.Default.Equals(
            returned.TypeArguments[0],
            method.TypeParameters[0]
        );

    private static bool IsCreateHeaderConverter(IMethodSymbol method) =>
        IsPublicStatic(method)
        && method.Parameters.Length == 0
        && (
            method.ReturnType.ToDisplayString() == HeaderConverter
            || method.ReturnType.AllInterfaces.Any(i => i.ToDisplayString() == HeaderConverter)
        );

    private static bool IsPublicStatic(IMethodSymbol method) =>
        method.IsStatic && method.DeclaredAccessibility == Accessibility.Public;
}
