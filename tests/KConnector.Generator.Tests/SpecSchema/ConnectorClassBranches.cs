using System.Text.Json.Nodes;
using KConnector.Generator.Connectors;
using KConnector.Generator.Plugins;

namespace KConnector.Generator.Tests.SpecSchema;

/// <summary>
/// The config's keys for the schema: every key documented once at the config's level (for an
/// editor's completion), and one <c>anyOf</c> branch per connector class holding the keys that class
/// takes, typed by its own definition.
/// </summary>
internal static class ConnectorClassBranches
{
    private const string ClassNamePattern = "^[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*$";

    /// <summary>
    /// The framework keys typed by their definition; a connector's own key only described, since two
    /// connectors may give one name different types (each branch types it for its class).
    /// </summary>
    public static JsonObject DocumentedKeys(PluginCatalog catalog)
    {
        var keys = new JsonObject();
        foreach (var known in catalog.FrameworkKeys)
        {
            keys[known.Key.Name] = FrameworkKey(known.Key, catalog);
        }
        foreach (var group in OwnKeys(catalog).GroupBy(k => k.Key.Name))
        {
            if (!keys.ContainsKey(group.Key))
            {
                keys[group.Key] = new JsonObject
                {
                    ["description"] = string.Join(
                        " | ",
                        group.Select(k => SimpleName(k.Plugin) + ": " + k.Key.Doc)
                    ),
                };
            }
        }
        return keys;
    }

    /// <summary>A branch per built-in connector class, then one for a class of the project.</summary>
    public static JsonArray All(PluginCatalog catalog)
    {
        var branches = new JsonArray();
        foreach (var plugin in catalog.Plugins)
        {
            branches.Add(Branch(plugin, catalog));
        }
        branches.Add(
            new JsonObject
            {
                ["description"] =
                    "A [SourceConnector]/[SinkConnector] class of the project: its [ConfigProperty] keys are checked by the compiler.",
                ["properties"] = new JsonObject
                {
                    ["connector.class"] = new JsonObject
                    {
                        ["not"] = new JsonObject
                        {
                            ["enum"] = ConfigKeySchema.Strings(catalog.AllNames),
                        },
                    },
                },
                ["additionalProperties"] = new JsonObject
                {
                    ["type"] = ConfigKeySchema.Strings(["string", "number", "boolean", "array"]),
                },
            }
        );
        return branches;
    }

    private static JsonObject Branch(PluginModel plugin, PluginCatalog catalog)
    {
        var properties = new JsonObject
        {
            ["connector.class"] = new JsonObject
            {
                ["enum"] = ConfigKeySchema.Strings([plugin.ClassName, .. plugin.Aliases]),
            },
        };
        foreach (var known in catalog.FrameworkKeys.Where(k => k.AppliesTo(plugin.Kind)))
        {
            properties[known.Key.Name] ??= new JsonObject();
        }
        foreach (var key in plugin.Keys)
        {
            properties[key.Name] = ConfigKeySchema.For(key, key.Doc);
        }
        var patterns = new JsonObject();
        foreach (var family in KeyFamily.For(catalog).Where(f => f.AppliesTo(plugin.Kind)))
        {
            patterns[family.Pattern] = new JsonObject();
        }
        var branch = new JsonObject
        {
            ["description"] = plugin.ClassName + ": " + plugin.Description,
            ["properties"] = properties,
            ["patternProperties"] = patterns,
            ["additionalProperties"] = false,
            ["required"] = ConfigKeySchema.Strings(
                plugin.Keys.Where(k => k.Required).Select(k => k.Name)
            ),
        };
        var rules = RequiredWhenRules(plugin.Keys);
        if (rules.Count > 0)
        {
            branch["allOf"] = rules;
        }
        return branch;
    }

    // A key required when another has one of some values: either the other key does not have one of
    // them, or the key is there (the definition's RequiredWhenKey, as the build checks it).
    private static JsonArray RequiredWhenRules(IEnumerable<ConfigKeyModel> keys)
    {
        var rules = new JsonArray();
        foreach (var key in keys)
        {
            if (key.RequiredWhenKey is not { } other || key.RequiredWhenValues.Count == 0)
            {
                continue;
            }
            var triggered = new JsonObject
            {
                ["properties"] = new JsonObject
                {
                    [other] = new JsonObject
                    {
                        ["enum"] = ConfigKeySchema.Strings(key.RequiredWhenValues),
                    },
                },
                ["required"] = ConfigKeySchema.Strings([other]),
            };
            rules.Add(
                new JsonObject
                {
                    ["description"] =
                        key.Name
                        + " is required when "
                        + other
                        + " is "
                        + string.Join(" or ", key.RequiredWhenValues),
                    ["anyOf"] = new JsonArray(
                        new JsonObject { ["not"] = triggered },
                        new JsonObject { ["required"] = ConfigKeySchema.Strings([key.Name]) }
                    ),
                }
            );
        }
        return rules;
    }

    private static JsonObject FrameworkKey(ConfigKeyModel key, PluginCatalog catalog) =>
        key.Name switch
        {
            "connector.class" => new JsonObject
            {
                ["description"] =
                    key.Doc
                    + " Built in: "
                    + BuiltIns(catalog)
                    + ". Or the full or simple name of a [SourceConnector]/[SinkConnector] class of the project, whose own [ConfigProperty] keys the spec may then set.",
                ["type"] = "string",
                ["anyOf"] = ConfigKeySchema.NamedOrReference(catalog.AllNames, ClassNamePattern),
            },
            "key.converter" or "value.converter" => Named(key, ConverterCatalog.AllNames(catalog)),
            "header.converter" => Named(
                key,
                catalog
                    .Converters.Where(c => c.IsHeaderConverter || c.AlsoHeaderConverter)
                    .SelectMany(c => c.Names)
            ),
            _ => ConfigKeySchema.For(key, key.Doc),
        };

    private static JsonObject Named(ConfigKeyModel key, IEnumerable<string> names)
    {
        var schema = ConfigKeySchema.For(key, key.Doc);
        schema["anyOf"] = ConfigKeySchema.NamedOrReference(names, null);
        return schema;
    }

    private static string BuiltIns(PluginCatalog catalog) =>
        string.Join(
            "; ",
            catalog.Plugins.Select(p =>
                p.ClassName + " (aliases " + string.Join(", ", p.Aliases) + "): " + p.Description
            )
        );

    private static IEnumerable<(PluginModel Plugin, ConfigKeyModel Key)> OwnKeys(
        PluginCatalog catalog
    ) => catalog.Plugins.SelectMany(p => p.Keys.Select(k => (p, k)));

    private static string SimpleName(PluginModel plugin) =>
        plugin.ClassName[(plugin.ClassName.LastIndexOf('.') + 1)..];
}
