using System.Linq;
using System.Threading;
using KConnector.Generator.Connectors;
using KConnector.Generator.Diagnostics;
using KConnector.Generator.Models;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace KConnector.Generator.Plugins;

/// <summary>
/// Reads a <c>[ConnectPlugin]</c> or <c>[ConfigKeySet]</c> class of the project being compiled into
/// what its generated <c>Definition</c> needs. No symbol survives: the model is equatable.
/// </summary>
internal static class DescriptorClassReader
{
    public static DescriptorClassModel Read(
        GeneratorAttributeSyntaxContext context,
        CancellationToken cancellationToken
    )
    {
        var type = (INamedTypeSymbol)context.TargetSymbol;
        cancellationToken.ThrowIfCancellationRequested();
        var attribute = context.Attributes[0];
        var definitionName =
            attribute.ConstructorArguments.Length == 2
                ? attribute.ConstructorArguments[0].Value as string ?? type.Name
                // A framework key set: named as the Kafka Connect config it stands for.
                : type.Name.Replace("Definition", string.Empty);
        var syntax = (ClassDeclarationSyntax)context.TargetNode;
        return new DescriptorClassModel(
            type.ContainingNamespace.IsGlobalNamespace
                ? string.Empty
                : type.ContainingNamespace.ToDisplayString(),
            type.Name,
            definitionName,
            ConfigKeyAttributeReader.Read(type),
            // Not static partial: the analyzer reports KCN0246; no Definition can be added.
            Analyzers.ConnectorClassShape.IsStaticPartial(syntax),
            CrossKeyRulesMethod.IsDeclaredBy(type),
            SourceDeclarationMethod.ExactlyOnceSupport.IsDeclaredBy(type),
            SourceDeclarationMethod.CanDefineTransactionBoundaries.IsDeclaredBy(type)
        );
    }
}
