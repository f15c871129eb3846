using KConnector.Generator.Helpers;
using KConnector.Generator.Models;

namespace KConnector.Generator.Cdc;

/// <summary>A spec's declared tables: what to emit (null when it declares none) and its diagnostics.</summary>
internal sealed record CdcResult(CdcSpecModel? Model, EquatableArray<DiagnosticInfo> Diagnostics)
{
    public static CdcResult None { get; } = new(null, EquatableArray<DiagnosticInfo>.Empty);
}
