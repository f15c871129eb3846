using System;
using System.Collections.Generic;
using KConnector.Generator.Connectors;
using KConnector.Generator.Diagnostics;
using KConnector.Generator.Json;

namespace KConnector.Generator.Cdc;

/// <summary>
/// Reads table.value.schemas (<c>schema.table:path,...</c>) of a spec, with the place of its value
/// in the spec's text, so that every KCN0290-KCN0295 names the file, line and JSON path.
/// </summary>
internal static class CdcTableListParser
{
    public const string JsonPath = "$.config['" + CdcDeclaredTables.Key + "']";

    /// <summary>The entries, and where the value stands; reports malformed entries (KCN0290).</summary>
    public static List<CdcTableEntry> Read(
        ParsedSpec spec,
        string text,
        DiagnosticBag bag,
        out SpecLocation where
    )
    {
        var node = JsonParser.Parse(text)["config"]?[CdcDeclaredTables.Key];
        where = node is null ? spec.NameLocation : bag.Locate(node, JsonPath);
        var entries = new List<CdcTableEntry>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var raw in CdcDeclaredTables.ValueOf(spec, CdcDeclaredTables.Key).Split(','))
        {
            var entry = raw.Trim();
            if (entry.Length == 0)
            {
                continue;
            }
            var colon = entry.IndexOf(':');
            var name = colon < 0 ? entry : entry.Substring(0, colon).Trim();
            var path = colon < 0 ? string.Empty : entry.Substring(colon + 1).Trim();
            var dot = name.IndexOf('.');
            if (
                dot <= 0
                || dot == name.Length - 1
                || name.IndexOf('.', dot + 1) >= 0
                || path.Length == 0
            )
            {
                bag.Report(
                    DiagnosticDescriptors.CdcTableSchemaEntryInvalid,
                    where,
                    entry,
                    string.Empty
                );
                continue;
            }
            if (!seen.Add(name))
            {
                bag.Report(
                    DiagnosticDescriptors.CdcTableSchemaEntryInvalid,
                    where,
                    entry,
                    " (table " + name + " is declared twice)"
                );
                continue;
            }
            entries.Add(
                new CdcTableEntry(
                    name.Substring(0, dot),
                    name.Substring(dot + 1),
                    path,
                    ConnectorSpecParser.NormalizePath(
                        ConnectorSpecParser.ResolveRelative(spec.Path, path)
                    )
                )
            );
        }
        return entries;
    }
}
