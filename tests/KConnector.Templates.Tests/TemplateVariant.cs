namespace KConnector.Templates.Tests;

/// <summary>One way to call <c>dotnet new kconnector</c>.</summary>
public sealed record TemplateVariant(string Kind, string Format, string Connector)
{
    /// <summary>A name for folders and snapshots, e.g. <c>source-avro-custom</c>.</summary>
    public string Name => $"{Kind}-{Format}-{Connector}";

    /// <summary>The template options.</summary>
    public IReadOnlyList<string> Options =>
        ["--kind", Kind, "--format", Format, "--connector", Connector];

    /// <inheritdoc />
    public override string ToString() => Name;
}
