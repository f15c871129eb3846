using System;
using System.Linq;
using KConnector.Generator.Connectors;

namespace KConnector.Generator.Cdc;

/// <summary>
/// Typed change events: a CDC connector whose descriptor has the key <see cref="Key"/> takes, per
/// captured table, the .avsc of its rows; the spec's value type is then
/// <c>DeclaredChangeRecord&lt;&lt;Spec&gt;Tables&gt;</c> of the connector's runtime, and
/// <c>&lt;Spec&gt;Tables</c> (emitted here) lists the tables with their generated records.
/// </summary>
internal static class CdcDeclaredTables
{
    /// <summary>The descriptor key (KConnector.Connectors.PostgreSql's PostgresConnector has it).</summary>
    public const string Key = "table.value.schemas";

    /// <summary>The runtime types the emitted code names (the connector's Typed namespace).</summary>
    public const string RuntimeNamespace = "global::KConnector.Connectors.PostgreSql.Typed.";

    /// <summary>Whether the spec declares table schemas for a connector that takes them.</summary>
    public static bool Declares(ParsedSpec spec) =>
        spec.Connector is { } connector
        && connector.Keys.Any(k => k.Name == Key)
        && spec.Values.Any(v => v.Key == Key && v.Value.Trim().Length > 0);

    /// <summary>The &lt;Spec&gt;Tables class's name.</summary>
    public static string TablesTypeName(ParsedSpec spec) =>
        ConfigKeyNames.PropertyNameOf(spec.ConnectorName) + "Tables";

    /// <summary>The task's value type when the spec declares table schemas; null otherwise.</summary>
    public static string? ValueTypeOf(ParsedSpec spec) =>
        Declares(spec)
            ? RuntimeNamespace
                + "DeclaredChangeRecord<global::"
                + (spec.Namespace.Length == 0 ? "" : spec.Namespace + ".")
                + TablesTypeName(spec)
                + ">"
            : null;

    /// <summary>The spec's value of <paramref name="key"/>, or "".</summary>
    public static string ValueOf(ParsedSpec spec, string key) =>
        spec.Values.FirstOrDefault(v => string.Equals(v.Key, key, StringComparison.Ordinal))?.Value
        ?? string.Empty;
}
