using System.Globalization;
using System.Reflection;
using Microsoft.CodeAnalysis;

namespace KConnector.Compiler;

/// <summary>
/// What compiling a set of specs gave: the diagnostics, as the compiler would print them, and, when
/// asked for and error-free, the compiled assembly holding the generated config and worker types.
/// </summary>
internal sealed record SpecCompilation(
    IReadOnlyList<Diagnostic> Diagnostics,
    Assembly? Assembly,
    IReadOnlyList<PropertiesSpec> Properties
)
{
    /// <summary>Whether any diagnostic is an error.</summary>
    public bool HasErrors => Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);

    /// <summary>
    /// <paramref name="diagnostic"/> as the compiler prints it (<c>path(line,col): error ID: ...</c>);
    /// one about a <c>.properties</c> config names that file and its line.
    /// </summary>
    public string Describe(Diagnostic diagnostic)
    {
        ArgumentNullException.ThrowIfNull(diagnostic);
        var span = diagnostic.Location.GetLineSpan();
        var properties = Properties.FirstOrDefault(p =>
            string.Equals(p.SpecPath, span.Path, StringComparison.Ordinal)
        );
        if (properties is null)
        {
            return diagnostic.ToString();
        }
        var specLine = span.StartLinePosition.Line + 1;
        var line = properties.LineOf(specLine);
        var message = diagnostic
            .GetMessage(CultureInfo.InvariantCulture)
            .Replace(
                $"{Path.GetFileName(properties.SpecPath)}, line {specLine}",
                $"{Path.GetFileName(properties.Path)}, line {line}",
                StringComparison.Ordinal
            );
        var severity = diagnostic.Severity == DiagnosticSeverity.Error ? "error" : "warning";
        return $"{properties.Path}({line},1): {severity} {diagnostic.Id}: {message}";
    }
}
