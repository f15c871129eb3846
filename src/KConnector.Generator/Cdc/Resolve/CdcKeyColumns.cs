using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using KConnector.Generator.Connectors;

namespace KConnector.Generator.Cdc;

/// <summary>
/// message.key.columns as the connector reads it (<c>&lt;schema.table regex&gt;:&lt;column&gt;,...</c>,
/// entries separated by ';', the first matching entry applies): the key columns known at build time.
/// A malformed value is the connector's own config error, not checked here.
/// </summary>
internal sealed class CdcKeyColumns
{
    private readonly List<(Regex Table, string[] Columns)> _entries;

    private CdcKeyColumns(List<(Regex, string[])> entries) => _entries = entries;

    public static CdcKeyColumns Of(ParsedSpec spec)
    {
        var entries = new List<(Regex, string[])>();
        foreach (var raw in CdcDeclaredTables.ValueOf(spec, "message.key.columns").Split(';'))
        {
            var entry = raw.Trim();
            var colon = entry.LastIndexOf(':');
            if (
                colon <= 0
                || CdcTableFilter.Compile(entry.Substring(0, colon).Trim()) is not { } table
            )
            {
                continue;
            }
            var columns = entry
                .Substring(colon + 1)
                .Split(',')
                .Select(c => c.Trim())
                .Where(c => c.Length > 0)
                .ToArray();
            entries.Add((table, columns));
        }
        return new CdcKeyColumns(entries);
    }

    /// <summary>The key columns message.key.columns gives the table, or none (its primary key, known at run time).</summary>
    public IReadOnlyList<string> For(CdcTableEntry entry) =>
        _entries.FirstOrDefault(e => e.Table.IsMatch(entry.QualifiedName)).Columns
        ?? Array.Empty<string>();
}
