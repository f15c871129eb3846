using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace KConnector.Generator.Tests.Infrastructure;

/// <summary>
/// Runs <see cref="KConnectorGenerator"/> the way the compiler does, over in-memory schema files,
/// and compiles its output against the real runtime so that generated code is checked, not just read.
/// </summary>
internal sealed class GeneratorHarness
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(() =>
    {
        var paths = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .ToList();
        paths.Add(typeof(KConnector.Avro.AvroWriter).Assembly.Location);
        return
        [
            .. paths.Distinct().Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)),
        ];
    });

    /// <summary>The runtime and the test process's assemblies, as every harness compilation references them.</summary>
    public static ImmutableArray<MetadataReference> BaseReferences => References.Value;

    /// <summary>The plugins and framework keys the test process's assemblies describe, as the generator reads them.</summary>
    public static KConnector.Generator.Plugins.PluginCatalog Catalog =>
        KConnector.Generator.Plugins.PluginCatalogReader.Read(
            CSharpCompilation.Create("Catalog", references: References.Value),
            CancellationToken.None
        );

    private readonly List<AdditionalText> _files = [];
    private readonly Dictionary<string, IReadOnlyDictionary<string, string>> _metadata = new(
        StringComparer.Ordinal
    );
    private readonly List<SyntaxTree> _sources = [];

    public GeneratorHarness AddSchema(
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

    /// <summary>The schema files added so far, for tests that replace one between runs.</summary>
    public IReadOnlyList<AdditionalText> Files => _files;

    public GeneratorHarness AddSource(string code)
    {
        _sources.Add(
            CSharpSyntaxTree.ParseText(code, new CSharpParseOptions(LanguageVersion.Latest))
        );
        return this;
    }

    public CSharpCompilation CreateCompilation() =>
        CSharpCompilation.Create(
            "UserProject",
            _sources,
            References.Value,
            new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Enable
            )
        );

    public GeneratorDriver CreateDriver() =>
        CSharpGeneratorDriver.Create(
            [new KConnectorGenerator().AsSourceGenerator()],
            _files,
            new CSharpParseOptions(LanguageVersion.Latest),
            new ItemMetadataOptionsProvider(_metadata),
            new GeneratorDriverOptions(
                IncrementalGeneratorOutputKind.None,
                trackIncrementalGeneratorSteps: true
            )
        );

    public GeneratorRun Run()
    {
        var driver = CreateDriver()
            .RunGeneratorsAndUpdateCompilation(CreateCompilation(), out var output, out _);
        return new GeneratorRun(driver.GetRunResult(), output);
    }
}

/// <summary>One generator run: what it produced and the compilation with its output added.</summary>
internal sealed record GeneratorRun(GeneratorDriverRunResult Result, Compilation Output)
{
    public ImmutableArray<Diagnostic> Diagnostics => Result.Diagnostics;

    public string Source(string hintName) =>
        Result
            .Results.Single()
            .GeneratedSources.Single(s => s.HintName == hintName)
            .SourceText.ToString();

    public IReadOnlyList<string> HintNames =>
        [.. Result.Results.Single().GeneratedSources.Select(s => s.HintName)];

    /// <summary>Errors and warnings of compiling the user's code with the generated code.</summary>
    public IReadOnlyList<Diagnostic> CompileProblems() =>
        [.. Output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning)];

    /// <summary>
    /// The user's code and the generated code, checked free of diagnostics, compiled and loaded into
    /// a collectible context named <paramref name="name"/>, to run the generated code.
    /// </summary>
    public System.Reflection.Assembly Load(string name)
    {
        Assert.Empty(Diagnostics);
        Assert.Empty(CompileProblems());
        using var image = new MemoryStream();
        var emitted = Output.Emit(image);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        image.Position = 0;
        return new System.Runtime.Loader.AssemblyLoadContext(
            name,
            isCollectible: true
        ).LoadFromStream(image);
    }
}
