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
        List<SpecEntry> entries,
        IReadOnlyDictionary<string, (string ClassName, string? Argument)>? predicates = null
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
        var predicate =
            settings.FirstOrDefault(s => s.Key == "predicate") is { } named
            && predicates is not null
            && predicates.TryGetValue(named.Text.Trim(), out var found)
                ? found
                : ((string ClassName, string? Argument)?)null;
        return new TransformStep(
            alias,
            plugin.ClassName,
            type.Text!.Trim(),
            type.ValueWhere,
            settings.ToEquatableArray(),
            settings.Any(s => s.Key == "predicate"),
            predicate?.ClassName,
            predicate?.Argument
        );
    }
}
