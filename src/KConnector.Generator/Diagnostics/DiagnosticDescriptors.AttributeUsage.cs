using Microsoft.CodeAnalysis;

namespace KConnector.Generator.Diagnostics;

/// <summary>
/// KCN0281-KCN0282: attribute combinations the generator cannot act on, reported by
/// <see cref="Analyzers.AttributeUsageAnalyzer"/> (the class-shape ids KCN0230, KCN0239 and KCN0246
/// are reported there too).
/// </summary>
internal static partial class DiagnosticDescriptors
{
    public static readonly DiagnosticDescriptor ConnectorKindsCombined = Error(
        "KCN0281",
        "Class is both a source and a sink connector",
        Where
            + "the class {3} carries both [SourceConnector] and [SinkConnector]; a connector class is one or the other: split it into two classes"
    );

    public static readonly DiagnosticDescriptor ConfigPropertyOutsideConnector = Error(
        "KCN0282",
        "[ConfigProperty] outside a connector class",
        Where
            + "[ConfigProperty] on {3} is never read: only the properties of a [SourceConnector] or [SinkConnector] class are config properties"
    );
}
