using System.Text;
using KConnector.Generator.FrameworkConfig;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace KConnector.Generator;

public sealed partial class KConnectorGenerator
{
    /// <summary>
    /// The runtime's [TypedConfigKeys] classes -> their typed framework-key properties, from the key
    /// set's [ConfigKey] attributes; a connector's [TypedConfigKeys] options records -> their typed
    /// option properties, defaults and reading constructor, from the descriptor's [ConfigKey] attributes.
    /// </summary>
    private static void InitializeFrameworkConfig(IncrementalGeneratorInitializationContext context)
    {
        var classes = context
            .SyntaxProvider.ForAttributeWithMetadataName(
                TypedConfigClassReader.AttributeName,
                static (node, _) => node is ClassDeclarationSyntax,
                static (ctx, ct) => TypedConfigClassReader.Read(ctx, ct)
            )
            .WithTrackingName(KConnectorGeneratorStepNames.TypedConfigClasses);
        context.RegisterSourceOutput(
            classes,
            static (spc, model) =>
            {
                if (model is not null)
                {
                    spc.AddSource(
                        model.FullTypeName + ".TypedKeys.g.cs",
                        SourceText.From(TypedConfigClassEmitter.Emit(model), Encoding.UTF8)
                    );
                }
            }
        );
        var options = context
            .SyntaxProvider.ForAttributeWithMetadataName(
                TypedConfigClassReader.AttributeName,
                static (node, _) => node is RecordDeclarationSyntax,
                static (ctx, ct) => TypedOptionsReader.Read(ctx, ct)
            )
            .WithTrackingName(KConnectorGeneratorStepNames.TypedConfigOptions);
        context.RegisterSourceOutput(
            options,
            static (spc, model) =>
            {
                if (model is not null)
                {
                    spc.AddSource(
                        model.FullTypeName + ".TypedOptions.g.cs",
                        SourceText.From(TypedOptionsEmitter.Emit(model), Encoding.UTF8)
                    );
                }
            }
        );
    }
}
