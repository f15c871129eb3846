using KConnector.Generator.Diagnostics;
using KConnector.Generator.Models;
using KConnector.Generator.Plugins;

namespace KConnector.Generator.Connectors;

/// <summary>
/// KCN0205 when a named converter cannot carry the key or value type: caught at compile time, what
/// Kafka Connect reports only when the first record fails to convert.
/// </summary>
internal static class ConverterCompatibility
{
    /// <param name="catalog">The converters, for the alternatives.</param>
    /// <param name="converter">The converter named.</param>
    /// <param name="formats">What the type can be converted as.</param>
    /// <param name="typeName">The type, for the message.</param>
    /// <param name="side">"key" or "value".</param>
    /// <param name="namedIn">Where the converter was named, for the message ("" for a spec key, " (ValueConverter)" for an attribute).</param>
    /// <param name="schemaKey">Where the type is chosen (value.schema, ValueType), for the fix.</param>
    public static DiagnosticInfo? Check(
        PluginCatalog catalog,
        ConverterPluginModel converter,
        TypeFormats formats,
        string typeName,
        string side,
        string namedIn,
        string schemaKey,
        SpecLocation where
    )
    {
        if (converter.CanCarry(formats))
        {
            return null;
        }
        var alternatives = ConverterCatalog.Alternatives(catalog, formats);
        return DiagnosticBag.Create(
            DiagnosticDescriptors.ConverterCannotCarryType,
            where,
            "the " + converter.SimpleName + namedIn,
            ConverterCatalog.Describe(formats, typeName.Replace("global::", string.Empty), side),
            ConverterCatalog.Requirement(converter, schemaKey)
                + (alternatives.Length == 0 ? string.Empty : "; or use " + alternatives)
        );
    }
}
