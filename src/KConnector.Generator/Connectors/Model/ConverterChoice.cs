namespace KConnector.Generator.Connectors;

/// <summary>A converter picked by a spec or an attribute, and where it was named (null when not named).</summary>
internal sealed record ConverterChoice(ConverterKind Kind, SpecLocation? Where)
{
    /// <summary>Not named: the resolver picks the one the type needs (<see cref="ConverterCatalog.DefaultFor"/>).</summary>
    public static ConverterChoice Unspecified { get; } = new(ConverterKind.String, null);

    /// <summary>The converter named, or the type's default.</summary>
    public ConverterKind For(TypeFormats formats) =>
        Where is null ? ConverterCatalog.DefaultFor(formats) : Kind;
}
