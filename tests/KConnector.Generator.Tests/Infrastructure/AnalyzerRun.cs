using System.Collections.Immutable;
using KConnector.Generator.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace KConnector.Generator.Tests.Infrastructure;

/// <summary>
/// Runs the generator assembly's analyzers over a generator run's output, as a build does (the
/// analyzers see the user's code and the generated code).
/// </summary>
internal static class AnalyzerRun
{
    public static ImmutableArray<Diagnostic> AnalyzerDiagnostics(this GeneratorRun run) =>
        AnalyzerDiagnostics(run.Output);

    public static ImmutableArray<Diagnostic> AnalyzerDiagnostics(Compilation compilation) =>
        compilation
            .WithAnalyzers([new AttributeUsageAnalyzer()])
            .GetAnalyzerDiagnosticsAsync()
            .GetAwaiter()
            .GetResult();

    /// <summary>What the build shows: the generator's diagnostics and the analyzers'.</summary>
    public static ImmutableArray<Diagnostic> BuildDiagnostics(this GeneratorRun run) =>
        run.Diagnostics.AddRange(run.AnalyzerDiagnostics());
}
