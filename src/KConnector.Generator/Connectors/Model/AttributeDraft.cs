using KConnector.Generator.Helpers;
using KConnector.Generator.Models;

namespace KConnector.Generator.Connectors;

/// <summary>
/// A [SourceConnector]/[SinkConnector] class as read from the compilation, before its key and value
/// types are matched with the project's schemas. Value-equatable: no symbol survives the transform.
/// </summary>
internal sealed record AttributeDraft(
    string Namespace,
    string ClassName,
    string Access,
    ConnectorKind Kind,
    string ConnectorName,
    string? Topics,
    TypeReference? Key,
    TypeReference? Value,
    string? KeyConverterName,
    string? ValueConverterName,
    SpecLocation AttributeLocation,
    EquatableArray<ConfigKeyModel> UserKeys,
    bool HasStart,
    bool HasStop,
    bool HasFlush,
    bool IsDisposable,
    bool Valid,
    EquatableArray<DiagnosticInfo> Diagnostics
);
