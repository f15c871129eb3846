using System;
using System.Collections.Generic;
using System.Linq;
using KConnector.Generator.Diagnostics;
using KConnector.Generator.Helpers;
using KConnector.Generator.Models;

namespace KConnector.Generator.Connectors;

/// <summary>
/// Joins the connectors of specs and attribute classes into one <see cref="ConnectorSet"/>: a second
/// connector with the same generated type name is reported (KCN) instead of emitted twice.
/// </summary>
internal static class ConnectorSetBuilder
{
    public static ConnectorSet Build(IEnumerable<ConnectorResult> results)
    {
        var models = new List<ConnectorModel>();
        var diagnostics = new List<DiagnosticInfo>();
        var accessors = new List<RecordShapeModel>();
        var byType = new Dictionary<string, ConnectorModel>(StringComparer.Ordinal);
        foreach (var result in results)
        {
            diagnostics.AddRange(result.Diagnostics);
            if (result.Model is not { } model)
            {
                continue;
            }
            if (byType.TryGetValue(model.FullTypeName, out var first))
            {
                var where = new SpecLocation(
                    model.Location ?? new LocationInfo(string.Empty, default, default),
                    "$.name"
                );
                diagnostics.Add(
                    DiagnosticBag.Create(
                        DiagnosticDescriptors.DuplicateConnector,
                        where,
                        model.ConnectorName,
                        model.FullTypeName + "Config/Worker",
                        first.SourceDescription
                    )
                );
                continue;
            }
            byType.Add(model.FullTypeName, model);
            models.Add(model);
            accessors.AddRange(model.Accessors.Where(a => !accessors.Contains(a)));
        }
        return new ConnectorSet(
            models.ToEquatableArray(),
            // Two specs mapping the same record report its unmappable fields once.
            diagnostics.Distinct().ToEquatableArray(),
            accessors.ToEquatableArray()
        );
    }
}
