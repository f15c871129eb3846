using Microsoft.CodeAnalysis;

namespace KConnector.Generator;

public sealed partial class KConnectorGenerator
{
    /// <summary>*.schema.json files -> records with JSON serialization (not yet: see issue "Schemas to types").</summary>
    private static void InitializeJsonSchema(IncrementalGeneratorInitializationContext context) { }
}
