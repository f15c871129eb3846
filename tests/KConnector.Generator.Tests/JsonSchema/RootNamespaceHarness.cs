using KConnector.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace KConnector.Generator.Tests.JsonSchema;

/// <summary>
/// Runs the generator with the global option build_property.RootNamespace set, as MSBuild does
/// through the package's CompilerVisibleProperty (the shared harness sets no global options).
/// </summary>
internal sealed class RootNamespaceHarness(string rootNamespace)
{
    private readonly List<AdditionalText> _files = [];
    private readonly Dictionary<string, IReadOnlyDictionary<string, string>> _metadata = new(
        StringComparer.Ordinal
    );

    public RootNamespaceHarness AddSchema(
        string fileName,
        string text,
        IReadOnlyDictionary<string, string>? metadata = null
    )
    {
        var path = "/project/" + fileName;
        _files.Add(new InMemoryAdditionalText(path, text));
        if (metadata is not null)
        {
            _metadata[path] = metadata;
        }
        return this;
    }

    public IReadOnlyList<AdditionalText> Files => _files;

    public GeneratorDriver CreateDriver() =>
        CSharpGeneratorDriver.Create(
            [new KConnectorGenerator().AsSourceGenerator()],
            _files,
            new CSharpParseOptions(LanguageVersion.Latest),
            new WithGlobalOption(new ItemMetadataOptionsProvider(_metadata), rootNamespace),
            new GeneratorDriverOptions(
                IncrementalGeneratorOutputKind.None,
                trackIncrementalGeneratorSteps: true
            )
        );

    public GeneratorRun Run()
    {
        var driver = CreateDriver()
            .RunGeneratorsAndUpdateCompilation(
                new GeneratorHarness().CreateCompilation(),
                out var output,
                out _
            );
        return new GeneratorRun(driver.GetRunResult(), output);
    }

    private sealed class WithGlobalOption(AnalyzerConfigOptionsProvider inner, string value)
        : AnalyzerConfigOptionsProvider
    {
        public override AnalyzerConfigOptions GlobalOptions { get; } = new Global(value);

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => inner.GetOptions(tree);

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) =>
            inner.GetOptions(textFile);
    }

    private sealed class Global(string rootNamespace) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(
            string key,
            [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value
        )
        {
            value = key == "build_property.RootNamespace" ? rootNamespace : null;
            return value is not null;
        }
    }
}
