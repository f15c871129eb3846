using System.Linq;
using KConnector.Generator.JsonSchema;
using KConnector.Generator.JsonSchema.Validation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace KConnector.Generator;

public sealed partial class KConnectorGenerator
{
    /// <summary>
    /// Each type that carries its JSON Schema (the root and top-level definitions) -> its compiled
    /// validation, planned and emitted from the type's model alone, so an edit re-emits only the
    /// types whose schema text changed. A schema using a keyword that is not compiled gets no file:
    /// the converter then validates it with the library (docs/jsonschema.md).
    /// </summary>
    private static void InitializeJsonSchemaValidation(
        IncrementalGeneratorInitializationContext context,
        IncrementalValuesProvider<JsonTypeDeclaration> types
    )
    {
        var validated = types.Where(static type =>
            type.SchemaText is not null
            && type.Kind is JsonDeclarationKind.Record or JsonDeclarationKind.Union
        );
        context.RegisterSourceOutput(
            validated,
            static (spc, type) =>
            {
                if (Emit(type) is { } source)
                {
                    spc.AddSource(
                        global::KConnector.Generator.Emit.CSharpIdentifier.Unescaped(type.FullName)
                            + ".validation.g.cs",
                        SourceText.From(source, System.Text.Encoding.UTF8)
                    );
                }
            }
        );
    }

    private static string? Emit(JsonTypeDeclaration type)
    {
        try
        {
            var plan = ValidationPlanner.Plan(
                type.SchemaText!,
                type.References.ToDictionary(r => r.Address, r => r.Text)
            );
            return JsonSchemaValidatorEmitter.Emit(type, plan);
        }
        catch (System.Exception e) when (e is System.FormatException or System.OverflowException)
        {
            // A keyword value of the wrong JSON type (minLength 1.5): the parser reports it
            // (KCN0110); the type stays without compiled validation.
            return null;
        }
    }
}
