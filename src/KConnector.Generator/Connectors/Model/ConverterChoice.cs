using KConnector.Generator.Plugins;

namespace KConnector.Generator.Connectors;

/// <summary>A converter picked by a spec or an attribute, and where it was named (null when not named).</summary>
internal sealed record ConverterChoice(ConverterPluginModel? Converter, SpecLocation? Where)
{
    /// <summary>Not named: the resolver picks the one the type needs (<see cref="ConverterCatalog.DefaultFor"/>).</summary>
    public static ConverterChoice Unspecified { get; } = new(null, null);

    /// <summary>The converter named, or the type's default.</summary>
    public ConverterPluginModel For(PluginCatalog catalog, TypeFormats formats) =>
        Where is null || Converter is null
            ? ConverterCatalog.DefaultFor(catalog, formats)
            : Converter;
}
