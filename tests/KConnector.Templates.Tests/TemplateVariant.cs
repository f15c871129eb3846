namespace KConnector.Templates.Tests;

/// <summary>One way to call <c>dotnet new kconnector</c>.</summary>
public sealed record TemplateVariant(string Kind, string Format, string Connector)
{
    /// <summary>A built-in connector: <c>--connector</c> only (its kind is its own, its values Avro).</summary>
    public static TemplateVariant BuiltIn(string connector) =>
        new(
            connector.EndsWith("-source", StringComparison.Ordinal) ? "source" : "sink",
            "avro",
            connector
        );

    /// <summary>A name for folders and snapshots, e.g. <c>source-avro-custom</c>.</summary>
    public string Name => Connector == "custom" ? $"{Kind}-{Format}-custom" : Connector;

    /// <summary>The template options.</summary>
    public IReadOnlyList<string> Options =>
        Connector == "custom"
            ? ["--kind", Kind, "--format", Format, "--connector", Connector]
            : ["--connector", Connector];

    /// <inheritdoc />
    public override string ToString() => Name;
}
