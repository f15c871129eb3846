using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace KConnector.Generator.Tests.Infrastructure;

/// <summary>
/// Per-file MSBuild item metadata as the compiler exposes it through
/// <c>CompilerVisibleItemMetadata</c> (keys <c>build_metadata.AdditionalFiles.{Name}</c>).
/// </summary>
internal sealed class ItemMetadataOptionsProvider(
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> metadataByPath
) : AnalyzerConfigOptionsProvider
{
    public override AnalyzerConfigOptions GlobalOptions { get; } =
        new Options(new Dictionary<string, string>());

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => GlobalOptions;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) =>
        metadataByPath.TryGetValue(textFile.Path, out var metadata)
            ? new Options(
                metadata.ToDictionary(
                    kv => "build_metadata.AdditionalFiles." + kv.Key,
                    kv => kv.Value
                )
            )
            : GlobalOptions;

    private sealed class Options(Dictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) =>
            values.TryGetValue(key, out value);
    }
}
