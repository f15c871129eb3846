using System.Text;
using KConnector.Generator.Plugins;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace KConnector.Generator;

public sealed partial class KConnectorGenerator
{
    /// <summary>
    /// [ConnectPlugin] and [ConfigKeySet] classes of the project being compiled (a plugin's own
    /// project, or the runtime) -> their Definition, from the same [ConfigKey] attributes that the
    /// catalog reads from metadata in the projects that reference them.
    /// </summary>
    private static void InitializeDescriptors(IncrementalGeneratorInitializationContext context)
    {
        var plugins = context
            .SyntaxProvider.ForAttributeWithMetadataName(
                PluginAttributeNames.ConnectPlugin,
                static (node, _) => node is ClassDeclarationSyntax,
                static (ctx, ct) => DescriptorClassReader.Read(ctx, ct)
            )
            .WithTrackingName(KConnectorGeneratorStepNames.PluginDescriptorClasses);
        var keySets = context
            .SyntaxProvider.ForAttributeWithMetadataName(
                PluginAttributeNames.ConfigKeySet,
                static (node, _) => node is ClassDeclarationSyntax,
                static (ctx, ct) => DescriptorClassReader.Read(ctx, ct)
            )
            .WithTrackingName(KConnectorGeneratorStepNames.ConfigKeySetClasses);
        context.RegisterSourceOutput(plugins, static (spc, model) => Emit(spc, model));
        context.RegisterSourceOutput(keySets, static (spc, model) => Emit(spc, model));
    }

    private static void Emit(SourceProductionContext context, DescriptorClassModel model)
    {
        if (!model.Completable)
        {
            return;
        }
        context.AddSource(
            model.FullTypeName + ".Definition.g.cs",
            SourceText.From(DescriptorDefinitionEmitter.Emit(model), Encoding.UTF8)
        );
    }
}
