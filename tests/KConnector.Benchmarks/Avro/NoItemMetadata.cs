using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace KConnector.Benchmarks.Avro;

/// <summary>MSBuild item metadata as the compiler passes it when a project sets none.</summary>
internal sealed class NoItemMetadata : AnalyzerConfigOptionsProvider
{
    private static readonly Empty None = new();

    public override AnalyzerConfigOptions GlobalOptions => None;

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => None;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => None;

    private sealed class Empty : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value)
        {
            value = null;
            return false;
        }
    }
}
