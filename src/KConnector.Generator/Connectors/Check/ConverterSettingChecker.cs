using System;
using System.Collections.Generic;
using System.Linq;
using KConnector.Generator.Diagnostics;
using KConnector.Generator.Models;
using KConnector.Generator.Plugins;

namespace KConnector.Generator.Connectors;

/// <summary>
/// A spec's <c>key.converter.*</c> / <c>value.converter.*</c> entries against the settings of the
/// converter the key or value gets (named, or the type's default): KCN0280 with a did-you-mean for a
/// setting the converter does not have, the key rules (type, allowed values, range) for one it has.
/// The runtime's ConverterSettingChecks gives the same verdict on the same definition.
/// </summary>
internal static class ConverterSettingChecker
{
    public static void Check(
        IEnumerable<SpecEntry> entries,
        ConverterPluginModel keyConverter,
        ConverterPluginModel valueConverter,
        List<DiagnosticInfo> diagnostics,
        IEnumerable<ConverterPluginModel>? allConverters = null
    )
    {
        var others = (allConverters ?? []).ToList();
        foreach (var entry in entries)
        {
            var isKey = entry.Key.StartsWith(
                ConverterSettingKeys.KeyPrefix,
                StringComparison.Ordinal
            );
            var prefix = isKey ? ConverterSettingKeys.KeyPrefix : ConverterSettingKeys.ValuePrefix;
            var converter = isKey ? keyConverter : valueConverter;
            var setting = entry.Key.Substring(prefix.Length);
            var key = converter.Keys.FirstOrDefault(k => k.Name == setting);
            if (key is null)
            {
                // Another converter's setting is ignored, as Kafka Connect's converters ignore it
                // (a run-time switch of the converter keeps it); one no converter has is a typo.
                if (!others.Any(c => c.Keys.Any(k => k.Name == setting)))
                {
                    diagnostics.Add(Unknown(entry, converter, prefix, setting));
                }
                continue;
            }
            SpecValueRules.Check(key with { Name = entry.Key }, entry, diagnostics);
        }
    }

    private static DiagnosticInfo Unknown(
        SpecEntry entry,
        ConverterPluginModel converter,
        string prefix,
        string setting
    )
    {
        var names = converter.Keys.Select(k => k.Name).ToList();
        return DiagnosticBag.Create(
            DiagnosticDescriptors.UnknownConverterSetting,
            entry.KeyWhere,
            entry.Key,
            "the " + prefix.TrimEnd('.') + " " + converter.ClassName,
            names.Count == 0
                ? "which takes no settings"
                : "which takes " + prefix + string.Join(", " + prefix, names),
            EditDistance.Suggestion(entry.Key, names.Select(n => prefix + n))
        );
    }
}
