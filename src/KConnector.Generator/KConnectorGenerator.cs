using Microsoft.CodeAnalysis;

namespace KConnector.Generator;

/// <summary>
/// The generator's entry point: one pipeline per input kind, each in its own partial file
/// (<c>.Avro.cs</c>, <c>.JsonSchema.cs</c>, <c>.Connectors.cs</c>). Every step's output is
/// value-equatable, so an edit elsewhere in the project stops at the first step.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed partial class KConnectorGenerator : IIncrementalGenerator
{
    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var avroFiles = InitializeAvro(context);
        var jsonSchemaFiles = InitializeJsonSchema(context);
        InitializeConnectors(context, avroFiles, jsonSchemaFiles);
        InitializeDescriptors(context);
        InitializeFrameworkConfig(context);
    }
}
