using System.Collections.Immutable;
using System.Linq;
using KConnector.Generator.Connectors;
using KConnector.Generator.Diagnostics;
using KConnector.Generator.Plugins;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace KConnector.Generator.Analyzers;

/// <summary>
/// Attribute-usage checks that need only the symbols, apart from the generator (issue 13 item 6):
/// an analyzer runs on the live code in the IDE as the user types and reports each problem once,
/// while the generator skips what it cannot complete. Checks: a connector class that is not
/// partial (KCN0230) or cannot be created (KCN0239), both connector attributes on one class
/// (KCN0281), a descriptor that is not static partial (KCN0246), [ConfigProperty] outside a
/// connector class (KCN0282). ([ConfigKey] on a plain class is not an error: a key class is
/// included into descriptors by [IncludeConfigKeys].)
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class AttributeUsageAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(
            DiagnosticDescriptors.ConnectorClassNotPartial,
            DiagnosticDescriptors.ConnectorTypeUnsupported,
            DiagnosticDescriptors.DescriptorNotPartial,
            DiagnosticDescriptors.ConnectorKindsCombined,
            DiagnosticDescriptors.ConfigPropertyOutsideConnector
        );

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterSymbolAction(AnalyzeClass, SymbolKind.NamedType);
        context.RegisterSymbolAction(AnalyzeProperty, SymbolKind.Property);
    }

    private static void AnalyzeClass(SymbolAnalysisContext context)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        var isConnector =
            ConnectorClassShape.Has(type, AttributeConnectorReader.SourceAttribute)
            || ConnectorClassShape.Has(type, AttributeConnectorReader.SinkAttribute);
        var isDescriptor =
            ConnectorClassShape.Has(type, PluginAttributeNames.ConnectPlugin)
            || ConnectorClassShape.Has(type, PluginAttributeNames.ConfigKeySet);
        if (isConnector)
        {
            CheckConnector(context, type);
        }
        if (isDescriptor)
        {
            foreach (var declaration in Declarations(type))
            {
                if (!ConnectorClassShape.IsStaticPartial(declaration))
                {
                    Report(context, DiagnosticDescriptors.DescriptorNotPartial, declaration, type);
                }
            }
        }
    }

    private static void CheckConnector(SymbolAnalysisContext context, INamedTypeSymbol type)
    {
        var declarations = Declarations(type).ToList();
        foreach (var declaration in declarations.Where(d => !ConnectorClassShape.IsPartial(d)))
        {
            Report(context, DiagnosticDescriptors.ConnectorClassNotPartial, declaration, type);
        }
        if (declarations.Count == 0)
        {
            return;
        }
        if (ConnectorClassShape.CreationProblem(type) is { } problem)
        {
            Report(
                context,
                DiagnosticDescriptors.ConnectorTypeUnsupported,
                declarations[0],
                type,
                type.Name,
                problem
            );
        }
        if (ConnectorClassShape.IsBothSourceAndSink(type))
        {
            Report(context, DiagnosticDescriptors.ConnectorKindsCombined, declarations[0], type);
        }
    }

    private static void AnalyzeProperty(SymbolAnalysisContext context)
    {
        var property = (IPropertySymbol)context.Symbol;
        var attribute = property
            .GetAttributes()
            .FirstOrDefault(a =>
                a.AttributeClass?.ToDisplayString()
                == AttributeConnectorReader.ConfigPropertyAttribute
            );
        var owner = property.ContainingType;
        if (
            attribute?.ApplicationSyntaxReference is null
            || ConnectorClassShape.Has(owner, AttributeConnectorReader.SourceAttribute)
            || ConnectorClassShape.Has(owner, AttributeConnectorReader.SinkAttribute)
        )
        {
            return;
        }
        var location = attribute
            .ApplicationSyntaxReference.GetSyntax(context.CancellationToken)
            .GetLocation();
        var name = owner.Name + "." + property.Name;
        context.ReportDiagnostic(
            Create(DiagnosticDescriptors.ConfigPropertyOutsideConnector, location, name, name)
        );
    }

    private static System.Collections.Generic.IEnumerable<ClassDeclarationSyntax> Declarations(
        INamedTypeSymbol type
    ) => type.DeclaringSyntaxReferences.Select(r => r.GetSyntax()).OfType<ClassDeclarationSyntax>();

    /// <summary>At the class name, with the type as the message's path and its name as the first detail unless given.</summary>
    private static void Report(
        SymbolAnalysisContext context,
        DiagnosticDescriptor descriptor,
        ClassDeclarationSyntax declaration,
        INamedTypeSymbol type,
        params string[] details
    ) =>
        context.ReportDiagnostic(
            Create(
                descriptor,
                declaration.Identifier.GetLocation(),
                type.Name,
                details.Length == 0 ? new[] { type.Name } : details
            )
        );

    private static Diagnostic Create(
        DiagnosticDescriptor descriptor,
        Location location,
        string path,
        params string[] details
    )
    {
        var line = location.GetLineSpan().StartLinePosition.Line + 1;
        var file = System.IO.Path.GetFileName(location.SourceTree?.FilePath ?? string.Empty);
        return Diagnostic.Create(
            descriptor,
            location,
            DiagnosticBag.Where(file, line, path, details).Cast<object>().ToArray()
        );
    }
}
