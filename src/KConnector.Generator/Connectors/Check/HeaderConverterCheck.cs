using System.Collections.Generic;
using System.Linq;
using KConnector.Generator.Diagnostics;
using KConnector.Generator.Plugins;

namespace KConnector.Generator.Connectors;

/// <summary>
/// A spec's <c>header.converter</c> names a header converter, as the runtime's descriptors declare
/// them: the SimpleHeaderConverter (Kafka Connect's default) or a converter that is also a header
/// converter (StringConverter, ByteArrayConverter). The worker refuses the same at validate and
/// start (ConverterSettingChecks.CheckHeaderConverter).
/// </summary>
internal static class HeaderConverterCheck
{
    private const string Key = "header.converter";

    public static void Check(
        Dictionary<string, SpecEntry> texts,
        PluginCatalog catalog,
        DiagnosticBag diagnostics
    )
    {
        if (
            !texts.TryGetValue(Key, out var entry)
            || entry.Text is not { } name
            || name.Trim().Length == 0
            || name.Contains("${")
        )
        {
            return;
        }
        var headerConverters = catalog
            .Converters.Where(c => (c.IsHeaderConverter || c.AlsoHeaderConverter) && c.Creatable)
            .ToList();
        if (headerConverters.Count == 0 || headerConverters.Any(c => c.IsNamed(name)))
        {
            return;
        }
        diagnostics.Report(
            DiagnosticDescriptors.NotAHeaderConverter,
            entry.ValueWhere,
            name,
            string.Join(", ", headerConverters.Select(c => c.ClassName)),
            EditDistance.Suggestion(name, headerConverters.SelectMany(c => c.Names))
        );
    }
}
