using Microsoft.CodeAnalysis;

namespace KConnector.Generator;

public sealed partial class KConnectorGenerator
{
    /// <summary>*.connector.json specs and [SourceConnector]/[SinkConnector] classes -> workers (not yet: see issue "Declarative connector specs").</summary>
    private static void InitializeConnectors(IncrementalGeneratorInitializationContext context) { }
}
