using System.Reflection;
using Microsoft.CodeAnalysis;

namespace KConnector.Cli.Compilation;

/// <summary>
/// What compiling a set of specs gave: the diagnostics, as the compiler would print them, and, when
/// asked for and error-free, the compiled assembly holding the generated config and worker types.
/// </summary>
internal sealed record SpecCompilation(IReadOnlyList<Diagnostic> Diagnostics, Assembly? Assembly)
{
    /// <summary>Whether any diagnostic is an error.</summary>
    public bool HasErrors => Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);
}
