using KConnector.Generator.Helpers;
using KConnector.Generator.Models;

namespace KConnector.Generator.Connectors;

/// <summary>A connector to generate (or null after errors) and the diagnostics found on the way.</summary>
internal sealed record ConnectorResult(
    ConnectorModel? Model,
    EquatableArray<DiagnosticInfo> Diagnostics
);
