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
    /// set's [ConfigKey] attributes (only the runtime declares such classes; the attribute is internal).
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
    }
}
