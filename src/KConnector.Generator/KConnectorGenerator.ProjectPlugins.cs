using System.Linq;
using KConnector.Generator.Helpers;
using KConnector.Generator.Plugins;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace KConnector.Generator;

public sealed partial class KConnectorGenerator
{
    /// <summary>
    /// The catalog of the referenced assemblies plus the transformations and predicates declared in
    /// the project itself, so that a spec may name a transformation written beside it. Each
    /// descriptor is read on its own (an edit of one class re-reads that class only); the combined
    /// catalog is equatable, so specs are re-checked only when a descriptor's model changed.
    /// </summary>
    private static IncrementalValueProvider<PluginCatalog> WithProjectPlugins(
        IncrementalGeneratorInitializationContext context,
        IncrementalValueProvider<PluginCatalog> referenced
    )
    {
        var project = context
            .SyntaxProvider.ForAttributeWithMetadataName(
                PluginAttributeNames.ConnectPlugin,
                static (node, _) => node is ClassDeclarationSyntax,
                static (ctx, ct) => ProjectTransformReader.Read(ctx, ct)
            )
            .Where(static plugin => plugin is not null)
            .Select(static (plugin, _) => plugin!)
            .Collect()
            .Select(static (all, _) => all.ToEquatableArray())
            .WithTrackingName(KConnectorGeneratorStepNames.ProjectTransformPlugins);
        context.RegisterSourceOutput(
            referenced
                .Combine(project)
                .Select(
                    static (pair, _) => ProjectPluginCatalog.Diagnostics(pair.Left, pair.Right)
                ),
            static (spc, diagnostics) =>
            {
                foreach (var diagnostic in diagnostics)
                {
                    spc.ReportDiagnostic(diagnostic.ToDiagnostic());
                }
            }
        );
        return referenced
            .Combine(project)
            .Select(static (pair, _) => ProjectPluginCatalog.Combine(pair.Left, pair.Right))
            .WithTrackingName(KConnectorGeneratorStepNames.ProjectPluginCatalog);
    }
}
