using System.Globalization;
using BenchmarkDotNet.Attributes;
using KConnector.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace KConnector.Benchmarks.Avro;

/// <summary>
/// The generator over 100 .avsc files (each a record with a nested record, an enum, an array, a
/// map, a union and logical types): a cold run with a new driver, and a re-run of a warm driver
/// after a one-line edit of one file (what an IDE does on each keystroke in a schema).
/// Run: dotnet run -c Release --project tests/KConnector.Benchmarks -- --filter '*GeneratorBenchmarks*' --job short
/// </summary>
[MemoryDiagnoser]
public class GeneratorBenchmarks
{
    private const int SchemaCount = 100;
    private SchemaText[] _files = null!;
    private SchemaText _edited = null!;
    private CSharpCompilation _compilation = null!;
    private GeneratorDriver _warm = null!;
    private bool _flip;
    private SchemaText _editedBack = null!;

    [GlobalSetup]
    public void Setup()
    {
        _files =
        [
            .. Enumerable
                .Range(0, SchemaCount)
                .Select(i => new SchemaText($"/p/s{i}.avsc", Schema(i, "A note."))),
        ];
        _edited = new SchemaText(_files[42].Path, Schema(42, "An edited note."));
        _editedBack = _files[42];
        _compilation = CSharpCompilation.Create(
            "Bench",
            [CSharpSyntaxTree.ParseText("public class UserCode { }")],
            [MetadataReference.CreateFromFile(typeof(object).Assembly.Location)],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary)
        );
        _warm = NewDriver().RunGenerators(_compilation);
    }

    private GeneratorDriver NewDriver() =>
        CSharpGeneratorDriver.Create(
            [new KConnectorGenerator().AsSourceGenerator()],
            _files,
            new CSharpParseOptions(LanguageVersion.Latest),
            new NoItemMetadata()
        );

    [Benchmark(Baseline = true)]
    public int ColdRun100Schemas() =>
        NewDriver().RunGenerators(_compilation).GetRunResult().GeneratedTrees.Length;

    [Benchmark]
    public int RerunAfterOneLineEdit()
    {
        // Alternate between the two texts so every invocation is a real edit of the warm driver.
        _flip = !_flip;
        var (from, to) = _flip ? (_editedBack, _edited) : (_edited, _editedBack);
        _warm = _warm.ReplaceAdditionalText(from, to).RunGenerators(_compilation);
        return _warm.GetRunResult().GeneratedTrees.Length;
    }

    private static string Schema(int i, string doc)
    {
        var n = i.ToString(CultureInfo.InvariantCulture);
        return $$"""
            {
              "type": "record", "name": "Event{{n}}", "namespace": "Bench.Ns{{n}}",
              "fields": [
                { "name": "id", "type": { "type": "string", "logicalType": "uuid" } },
                { "name": "at", "type": { "type": "long", "logicalType": "timestamp-millis" } },
                { "name": "amount", "type": { "type": "bytes", "logicalType": "decimal", "precision": 12, "scale": 2 } },
                { "name": "count", "type": "int", "default": 0 },
                { "name": "note", "type": ["null", "string"], "default": null, "doc": "{{doc}}" },
                { "name": "kind", "type": { "type": "enum", "name": "Kind{{n}}", "symbols": ["A", "B", "C"] } },
                { "name": "tags", "type": { "type": "array", "items": "string" } },
                { "name": "attributes", "type": { "type": "map", "values": "long" } },
                { "name": "payload", "type": ["string", "long", "double"] },
                { "name": "address", "type": { "type": "record", "name": "Address{{n}}", "fields": [
                  { "name": "street", "type": "string" }, { "name": "zip", "type": ["null", "string"] } ] } }
              ]
            }
            """;
    }
}
