using KConnector.Generator.Helpers;
using KConnector.Generator.Models;

namespace KConnector.Generator.Connectors;

/// <summary>The connectors to emit, every diagnostic found on the way, and each record accessor once.</summary>
internal sealed record ConnectorSet(
    EquatableArray<ConnectorModel> Models,
    EquatableArray<DiagnosticInfo> Diagnostics,
    EquatableArray<RecordShapeModel> Accessors
);
