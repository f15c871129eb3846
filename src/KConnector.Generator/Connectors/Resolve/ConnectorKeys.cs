using System.Collections.Generic;
using System.Linq;
using KConnector.Generator.Helpers;

namespace KConnector.Generator.Connectors;

/// <summary>Assembles the runtime config keys of a connector: the common ones of its kind, then its own.</summary>
internal static class ConnectorKeys
{
    /// <summary>How many framework keys a connector of <paramref name="kind"/> has: they come first in <see cref="For"/>'s keys.</summary>
    public static int FrameworkCount(Plugins.PluginCatalog catalog, ConnectorKind kind) =>
        catalog.FrameworkKeys.Count(k => !k.BuildTimeOnly && k.AppliesTo(kind));

    /// <summary>
    /// Whether <paramref name="key"/>, a framework key, is one a connector adapts (its own default
    /// converters and the converters its compiled types allow, a default name or topics): the
    /// generated definition overrides these on the runtime's and takes the others as they are.
    /// </summary>
    public static bool IsAdapted(ConfigKeyModel key) =>
        key.Name is ConfigKeyNames.KeyConverter or ConfigKeyNames.ValueConverter
        || (
            key.Name is ConfigKeyNames.Name or ConfigKeyNames.Topics
            && !string.IsNullOrEmpty(key.Default)
        );

    public static EquatableArray<ConfigKeyModel> For(
        Plugins.PluginCatalog catalog,
        ConnectorKind kind,
        string connectorClass,
        string? defaultName,
        string? defaultTopics,
        TypeFormats keyFormats,
        TypeFormats valueFormats,
        Plugins.ConverterPluginModel keyConverter,
        Plugins.ConverterPluginModel valueConverter,
        IEnumerable<ConfigKeyModel> own
    )
    {
        var keys = new List<ConfigKeyModel>();
        foreach (
            var known in catalog.FrameworkKeys.Where(k => !k.BuildTimeOnly && k.AppliesTo(kind))
        )
        {
            var key = known.Key;
            switch (key.Name)
            {
                case ConfigKeyNames.Name when defaultName is not null:
                    key = key with { Default = defaultName, Required = false };
                    break;
                case ConfigKeyNames.ConnectorClass:
                    key = key with { Default = connectorClass };
                    break;
                case ConfigKeyNames.Topics when defaultTopics is not null:
                    key = key with { Default = defaultTopics };
                    break;
                case ConfigKeyNames.KeyConverter:
                    // The types are compiled in: a run-time override may only name a converter
                    // that carries the same type (Avro or Json for an .avsc record, ...).
                    key = key with
                    {
                        Default = keyConverter.ClassName,
                        OneOf = ConverterCatalog.NamesOf(catalog, keyFormats).ToEquatableArray(),
                    };
                    break;
                case ConfigKeyNames.ValueConverter:
                    key = key with
                    {
                        Default = valueConverter.ClassName,
                        OneOf = ConverterCatalog.NamesOf(catalog, valueFormats).ToEquatableArray(),
                    };
                    break;
            }
            keys.Add(key);
        }
        // A connector may read a worker key too (the JDBC sink reads errors.tolerance): it is typed once.
        keys.AddRange(own.Where(k => !keys.Any(c => c.Name == k.Name)));
        return keys.ToEquatableArray();
    }
}
