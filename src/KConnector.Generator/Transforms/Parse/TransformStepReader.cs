using System.Collections.Generic;
using System.Linq;
using KConnector.Generator.Connectors;
using KConnector.Generator.Helpers;
using KConnector.Generator.Plugins;

namespace KConnector.Generator.Transforms;

/// <summary>One alias of a spec's <c>transforms</c> as the chain fold reads it: the spec's settings, then the plugin's defaults for the keys the spec leaves out.</summary>
internal static class TransformStepReader
{
    public static TransformStep Read(
        string alias,
        TransformPluginModel plugin,
        SpecEntry type,
        List<SpecEntry> entries
    )
    {
        var prefix = "transforms." + alias + ".";
        var settings = entries
            .Where(e => e.Text is not null && e.Key.StartsWith(prefix))
            .Select(e => new TransformSetting(
                e.Key.Substring(prefix.Length),
                e.Text!,
                e.ValueWhere
            ))
            .ToList();
        foreach (var key in plugin.Keys)
        {
            if (key.Default is not null && settings.All(s => s.Key != key.Name))
            {
                settings.Add(new TransformSetting(key.Name, key.Default, type.ValueWhere));
            }
        }
        return new TransformStep(
            alias,
            plugin.ClassName,
            type.Text!.Trim(),
            type.ValueWhere,
            settings.ToEquatableArray(),
            settings.Any(s => s.Key == "predicate")
        );
    }
}
