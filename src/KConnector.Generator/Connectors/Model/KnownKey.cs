namespace KConnector.Generator.Connectors;

/// <summary>
/// A key a spec may hold: its config key, which connector kinds it applies to, and whether it only
/// exists at build time (such as <c>value.schema</c>, which picks the generated type).
/// </summary>
internal sealed record KnownKey(
    ConfigKeyModel Key,
    bool ForSource,
    bool ForSink,
    bool BuildTimeOnly
)
{
    public bool AppliesTo(ConnectorKind kind) => kind == ConnectorKind.Source ? ForSource : ForSink;
}
