using System.Globalization;
using KConnector.Compiler;
using KConnector.Configuration;
using KConnector.Generator.Connectors;
using KConnector.Generator.Plugins;
using KConnector.Rest;

namespace KConnector.Compiler.Rest;

/// <summary>
/// The connector plugins this tool carries and the worker's <c>plugin.path</c> holds, from the plugin catalog the generator reads (the same
/// descriptors <c>describe</c> shows and specs are checked against): each with the framework keys
/// of its kind, then its own.
/// </summary>
internal static class CatalogPlugins
{
    public static IReadOnlyList<ConnectorPlugin> Read(PluginCatalog catalog)
    {
        return
        [
            .. catalog.Plugins.Select(plugin =>
            {
                var framework = catalog
                    .FrameworkKeys.Where(k => k.AppliesTo(plugin.Kind))
                    .Select(k => k.Key);
                var keys = framework
                    .Concat(plugin.Keys)
                    .GroupBy(k => k.Name, StringComparer.Ordinal)
                    .Select(g => g.Last())
                    .Select(ToRuntime);
                return new ConnectorPlugin(
                    plugin.ClassName,
                    [.. plugin.Aliases],
                    plugin.Kind == ConnectorKind.Sink,
                    typeof(CatalogPlugins).Assembly.GetName().Version?.ToString(3) ?? "0.0.0",
                    new ConfigDefinition(plugin.ClassName, keys)
                );
            }),
        ];
    }

    private static ConfigKey ToRuntime(ConfigKeyModel key) =>
        new()
        {
            Name = key.Name,
            Type = Enum.Parse<ConfigType>(key.Type.ToString()),
            DefaultValue = key.Default,
            Required = key.Required,
            Importance = Enum.TryParse<ConfigImportance>(
                key.Importance,
                ignoreCase: true,
                out var i
            )
                ? i
                : ConfigImportance.Medium,
            Documentation = key.Doc,
            Min = Number(key.Min),
            Max = Number(key.Max),
            Pattern = key.Pattern,
            OneOf = key.OneOf.Count == 0 ? null : [.. key.OneOf],
            RecommendedValues = key.Recommended.Count == 0 ? null : [.. key.Recommended],
            Group = key.Group,
        };

    // Min and max are C# literal text (1, 1L, 32767, long.MaxValue...).
    private static double? Number(string? literal) =>
        literal is null ? null
        : double.TryParse(
            literal.TrimEnd('L', 'l', 'D', 'd'),
            NumberStyles.Float,
            CultureInfo.InvariantCulture,
            out var value
        )
            ? value
        : null;
}
