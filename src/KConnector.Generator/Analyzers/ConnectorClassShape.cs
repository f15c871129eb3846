using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace KConnector.Generator.Analyzers;

/// <summary>
/// What a class must be for the generator to complete it, stated once: the analyzer reports a
/// breach (KCN0230, KCN0239, KCN0246, KCN0281), the generator only skips the class, so a broken
/// class gets one clear error and no second wave of errors from half-generated code.
/// </summary>
internal static class ConnectorClassShape
{
    public static bool IsPartial(ClassDeclarationSyntax declaration) =>
        declaration.Modifiers.Any(SyntaxKind.PartialKeyword);

    /// <summary>A descriptor's Definition is generated into a static partial class.</summary>
    public static bool IsStaticPartial(ClassDeclarationSyntax declaration) =>
        IsPartial(declaration) && declaration.Modifiers.Any(SyntaxKind.StaticKeyword);

    /// <summary>Why the worker cannot create the connector class (KCN0239's detail), or null.</summary>
    public static string? CreationProblem(INamedTypeSymbol type) =>
        type.ContainingType is not null ? "is nested in another type; declare it at namespace level"
        : type.IsGenericType ? "is generic; a connector class needs fixed key and value types"
        : type.IsAbstract || type.IsStatic
            ? "is abstract or static; the worker must create an instance"
        : !type.InstanceConstructors.Any(c =>
            c.Parameters.Length == 0 && c.DeclaredAccessibility != Accessibility.Private
        )
            ? "needs an accessible parameterless constructor; the worker creates it and sets its [ConfigProperty] members"
        : null;

    /// <summary>A class that carries both connector attributes (KCN0281) is generated as neither.</summary>
    public static bool IsBothSourceAndSink(INamedTypeSymbol type) =>
        Has(type, Connectors.AttributeConnectorReader.SourceAttribute)
        && Has(type, Connectors.AttributeConnectorReader.SinkAttribute);

    public static bool Has(ISymbol symbol, string attributeMetadataName) =>
        symbol
            .GetAttributes()
            .Any(a => a.AttributeClass?.ToDisplayString() == attributeMetadataName);
}
