using Microsoft.CodeAnalysis;

namespace KConnector.Generator.Diagnostics;

/// <summary>KCN0270-KCN0272: headers (header.converter).</summary>
internal static partial class DiagnosticDescriptors
{
    public static readonly DiagnosticDescriptor NotAHeaderConverter = Error(
        "KCN0270",
        "Not a header converter",
        Where + "\"{3}\" is not a header converter; header.converter takes {4}.{5}"
    );
}
