using Microsoft.CodeAnalysis;

namespace KConnector.Generator.Diagnostics;

/// <summary>KCN0280-KCN0289: the connector model's plugins (converters' own settings).</summary>
internal static partial class DiagnosticDescriptors
{
    public static readonly DiagnosticDescriptor UnknownConverterSetting = Error(
        "KCN0280",
        "Not a setting of the converter",
        Where + "\"{3}\" is not a setting of {4}, {5}.{6}"
    );
}
