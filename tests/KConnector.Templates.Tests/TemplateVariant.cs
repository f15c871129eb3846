using Xunit.Abstractions;

namespace KConnector.Templates.Tests;

/// <summary>
/// One way to call <c>dotnet new kconnector</c>. Serializable for xunit, so that each variant is a
/// test case of its own (listed, reported and filtered by name:
/// <c>--filter "DisplayName~http-source"</c>).
/// </summary>
public sealed class TemplateVariant : IXunitSerializable
{
    /// <summary>For xunit's deserializer only.</summary>
    [Obsolete("For xunit's deserializer only.")]
    public TemplateVariant() { }

    /// <summary>A variant of the given kind, format and connector.</summary>
    public TemplateVariant(string kind, string format, string connector)
    {
        Kind = kind;
        Format = format;
        Connector = connector;
    }

    /// <summary><c>source</c> or <c>sink</c>.</summary>
    public string Kind { get; private set; } = "";

    /// <summary>The value format (<c>avro</c> for the built-in connectors).</summary>
    public string Format { get; private set; } = "";

    /// <summary><c>custom</c> or a built-in connector's name.</summary>
    public string Connector { get; private set; } = "";

    /// <summary>A built-in connector: <c>--connector</c> only (its kind is its own, its values Avro).</summary>
    public static TemplateVariant BuiltIn(string connector) =>
        new(
            connector.EndsWith("-source", StringComparison.Ordinal)
            || connector.EndsWith("-cdc", StringComparison.Ordinal)
                ? "source"
                : "sink",
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
    public void Deserialize(IXunitSerializationInfo info)
    {
        Kind = info.GetValue<string>(nameof(Kind));
        Format = info.GetValue<string>(nameof(Format));
        Connector = info.GetValue<string>(nameof(Connector));
    }

    /// <inheritdoc />
    public void Serialize(IXunitSerializationInfo info)
    {
        info.AddValue(nameof(Kind), Kind);
        info.AddValue(nameof(Format), Format);
        info.AddValue(nameof(Connector), Connector);
    }

    /// <inheritdoc />
    public override string ToString() => Name;
}
