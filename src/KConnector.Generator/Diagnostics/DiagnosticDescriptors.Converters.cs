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

    // A warning, with no location: the package is at fault, and a project that does not name the
    // converter still builds; one that names it gets the unknown-converter error too.
    public static readonly DiagnosticDescriptor ConverterNotCreatable = new(
        "KCN0283",
        "Converter descriptor without its creation member",
        "The converter descriptor {0} ({1}) has no public static IConverter<T>? Create<T>(ConverterContext<T> context) (for a converter) or IHeaderConverter CreateHeaderConverter() (for a header converter): the worker cannot create it, so specs cannot name it",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        helpLinkUri: "https://github.com/kconnector/kconnector/blob/main/docs/diagnostics.md#kcn0283"
    );
}
