using System.Linq;
using System.Threading;
using KConnector.Generator.Connectors;
using KConnector.Generator.Models;
using Microsoft.CodeAnalysis;

namespace KConnector.Generator.Plugins;

/// <summary>
/// Reads a <c>[ConnectPlugin]</c> class of the project being compiled that describes a
/// transformation or predicate (other kinds: null), with the same reader the catalog uses for a
/// package's descriptors, and checks that the registration can call its <c>Create</c>. The
/// runtime's own built-ins are not read here: the worker knows them already.
/// </summary>
internal static class ProjectTransformReader
{
    private const string ParsedConfig = "KConnector.Configuration.ParsedConfig";
    private const string Transformation = "KConnector.Transforms.ITransformation";
    private const string Predicate = "KConnector.Transforms.IPredicate";

    public static ProjectTransformPlugin? Read(
        GeneratorAttributeSyntaxContext context,
        CancellationToken cancellationToken
    )
    {
        if (
            context.SemanticModel.Compilation.AssemblyName == PluginAttributeNames.RuntimeAssembly
            || context.TargetSymbol is not INamedTypeSymbol type
        )
        {
            return null;
        }
        cancellationToken.ThrowIfCancellationRequested();
        var attribute = context.Attributes[0];
        if (TransformDescriptorReader.Read(type, attribute, builtIn: false) is not { } plugin)
        {
            return null;
        }
        var location =
            attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken).GetLocation()
            ?? context.TargetNode.GetLocation();
        var span = location.GetLineSpan();
        var where = new SpecLocation(
            new LocationInfo(
                location.SourceTree?.FilePath ?? string.Empty,
                location.SourceSpan,
                span.Span
            ),
            type.Name
        );
        return new ProjectTransformPlugin(plugin, where, CreateProblem(type, plugin.IsPredicate));
    }

    /// <summary>
    /// What stops the generated registration from passing <c>Descriptor.Create</c> as a
    /// <c>Func&lt;ParsedConfig, ITransformation&gt;</c> (or <c>IPredicate</c>), or null.
    /// </summary>
    private static string? CreateProblem(INamedTypeSymbol type, bool predicate)
    {
        var made = predicate ? Predicate : Transformation;
        if (type.ContainingType is not null)
        {
            return "it is nested in "
                + type.ContainingType.Name
                + "; declare it at namespace level";
        }
        if (type.DeclaredAccessibility is not (Accessibility.Public or Accessibility.Internal))
        {
            return "it must be public or internal";
        }
        var usable = type.GetMembers("Create")
            .OfType<IMethodSymbol>()
            .Any(m =>
                m.IsStatic
                && !m.IsGenericMethod
                && m.DeclaredAccessibility is Accessibility.Public or Accessibility.Internal
                && m.Parameters.Length == 1
                && m.Parameters[0].Type.ToDisplayString() == ParsedConfig
                && Makes(m.ReturnType, made)
            );
        return usable
            ? null
            : "it has no static Create(ParsedConfig config) returning "
                + made.Substring(made.LastIndexOf('.') + 1);
    }

    private static bool Makes(ITypeSymbol returned, string made) =>
        returned.ToDisplayString() == made
        || (
            returned.IsReferenceType && returned.AllInterfaces.Any(i => i.ToDisplayString() == made)
        );
}
