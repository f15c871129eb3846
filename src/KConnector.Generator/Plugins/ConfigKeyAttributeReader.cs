using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using KConnector.Generator.Connectors;
using KConnector.Generator.Helpers;
using Microsoft.CodeAnalysis;

namespace KConnector.Generator.Plugins;

/// <summary>
/// Reads the <c>[ConfigKey]</c> attributes of a descriptor class (from source or from a referenced
/// assembly's metadata: both give <see cref="AttributeData"/>) into equatable key models.
/// </summary>
internal static class ConfigKeyAttributeReader
{
    // The runtime's ConfigType and ConfigImportance, by their enum values.
    private static readonly ConfigKeyType[] Types =
    {
        ConfigKeyType.Boolean,
        ConfigKeyType.Int,
        ConfigKeyType.Long,
        ConfigKeyType.Double,
        ConfigKeyType.String,
        ConfigKeyType.List,
        ConfigKeyType.Password,
    };
    private static readonly string[] Importances = { "High", "Medium", "Low" };

    /// <summary>
    /// The keys of <paramref name="descriptor"/>, in attribute order, with those of the classes its
    /// <c>[IncludeConfigKeys]</c> name where they stand (a few levels deep at most). In an IDE, an
    /// edit of an included class alone reaches the plugin's own generated Definition at its next
    /// edit (attribute providers follow the attributed class); a build always reads it afresh.
    /// </summary>
    public static EquatableArray<ConfigKeyModel> Read(INamedTypeSymbol descriptor)
    {
        var keys = new List<ConfigKeyModel>();
        Add(descriptor, keys, depth: 0);
        return keys.ToEquatableArray();
    }

    private static void Add(INamedTypeSymbol type, List<ConfigKeyModel> keys, int depth)
    {
        foreach (var attribute in type.GetAttributes())
        {
            var name = attribute.AttributeClass?.ToDisplayString();
            if (name == PluginAttributeNames.ConfigKey && Read(attribute) is { } key)
            {
                keys.Add(key);
            }
            else if (
                name == PluginAttributeNames.IncludeConfigKeys
                && depth < 4
                && attribute.ConstructorArguments.FirstOrDefault().Value is INamedTypeSymbol shared
            )
            {
                Add(shared, keys, depth + 1);
            }
        }
    }

    private static ConfigKeyModel? Read(AttributeData attribute)
    {
        if (
            attribute.ConstructorArguments.Length != 2
            || attribute.ConstructorArguments[0].Value is not string name
            || attribute.ConstructorArguments[1].Value is not int type
            || type < 0
            || type >= Types.Length
        )
        {
            return null;
        }
        var named = attribute.NamedArguments.ToDictionary(
            a => a.Key,
            a => a.Value,
            StringComparer.Ordinal
        );
        string? Text(string key) => named.TryGetValue(key, out var c) ? c.Value as string : null;
        EquatableArray<string> Strings(string key) =>
            named.TryGetValue(key, out var c) && c.Kind == TypedConstantKind.Array
                ? c.Values.Select(v => v.Value as string ?? string.Empty).ToEquatableArray()
                : EquatableArray<string>.Empty;
        string? Number(string key) =>
            named.TryGetValue(key, out var c) && c.Value is double d && !double.IsNaN(d)
                ? d.ToString("R", CultureInfo.InvariantCulture)
                : null;
        var importance =
            named.TryGetValue("Importance", out var i) && i.Value is int level
                ? Importances[Math.Max(0, Math.Min(2, level))]
                : "Medium";
        return new ConfigKeyModel(
            name,
            ConfigKeyNames.PropertyNameOf(name),
            Types[type],
            Text("Default"),
            named.TryGetValue("Required", out var r) && r.Value is true,
            importance,
            Text("Documentation") ?? string.Empty,
            Number("Min"),
            Number("Max"),
            Text("Pattern"),
            Strings("AllowedValues"),
            Text("Group") ?? "Connector",
            Recommended: Strings("RecommendedValues"),
            RequiredWhenKey: Text("RequiredWhenKey"),
            RequiredWhenValues: Strings("RequiredWhenValues")
        );
    }
}
