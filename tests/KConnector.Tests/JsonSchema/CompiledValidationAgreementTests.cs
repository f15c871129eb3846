using System.Text;
using System.Text.Json.Nodes;
using KConnector.Json;
using KConnector.JsonSchema;
using KConnector.Tests.JsonSchema.Corpus;

namespace KConnector.Tests.JsonSchema;

/// <summary>
/// The agreement corpus (JsonSchema/Corpus): each schema's compiled validation and NJsonSchema
/// (JsonSchemaValidator) judge every document of its .cases.json. A case's "valid" is the verdict
/// JSON Schema 2020-12 gives; the compiled validator must give it, and the library too unless the
/// case records NJsonSchema's own verdict ("library"), a known difference docs/jsonschema.md lists.
/// When both reject a document, every path the compiled validator names is one the library names.
/// </summary>
public sealed class CompiledValidationAgreementTests
{
    private static readonly Dictionary<string, Corpus> Schemas = new()
    {
        ["c01-required-types"] = Corpus.Of<CorpusBasics>(),
        ["c02-enum-const"] = Corpus.Of<CorpusEnums>(),
        ["c03-numbers"] = Corpus.Of<CorpusNumbers>(),
        ["c04-strings"] = Corpus.Of<CorpusStrings>(),
        ["c05-formats-time"] = Corpus.Of<CorpusTimes>(),
        ["c06-formats-ids"] = Corpus.Of<CorpusIds>(),
        ["c07-formats-net"] = Corpus.Of<CorpusNetwork>(),
        ["c08-additional-false"] = Corpus.Of<CorpusClosed>(),
        ["c09-additional-schema"] = Corpus.Of<CorpusOpen>(),
        ["c10-array-items"] = Corpus.Of<CorpusBasket>(),
        ["c11-unique"] = Corpus.Of<CorpusTags>(),
        ["c12-nested"] = Corpus.Of<CorpusCustomer>(),
        ["c13-oneof"] = Corpus.Of<CorpusPayment>(),
        ["c14-anyof"] = Corpus.Of<CorpusReference>(),
        ["c15-nullable"] = Corpus.Of<CorpusNullable>(),
        ["c16-defs-ref"] = Corpus.Of<CorpusOrder>(),
        ["c17-recursive"] = Corpus.Of<CorpusTree>(),
        ["c18-map"] = Corpus.Of<CorpusLabels>(),
        ["c19-multi-type"] = Corpus.Of<CorpusMixed>(),
        ["c20-matrix"] = Corpus.Of<CorpusMatrix>(),
        ["c21-draft07"] = Corpus.Of<CorpusLegacy>(),
        ["c22-integers"] = Corpus.Of<CorpusCounts>(),
    };

    public static TheoryData<string> SchemaNames() => new(Schemas.Keys);

    [Theory]
    [MemberData(nameof(SchemaNames))]
    public void EveryDocument_GetsTheSameVerdictFromTheCompiledValidatorAndTheLibrary(string name)
    {
        var corpus = Schemas[name];
        var cases = JsonNode
            .Parse(
                File.ReadAllText(
                    Path.Combine(
                        AppContext.BaseDirectory,
                        "JsonSchema",
                        "Corpus",
                        name + ".cases.json"
                    )
                )
            )!
            .AsArray();
        Assert.True(cases.Count >= 4, $"{name}: too few documents");
        var failures = new List<string>();
        foreach (var item in cases)
        {
            var document = item!["doc"]?.ToJsonString() ?? "null";
            var expected = item["valid"]!.GetValue<bool>();
            var libraryExpected = item["library"]?.GetValue<bool>() ?? expected;
            var bytes = Encoding.UTF8.GetBytes(document);
            var compiled = CompiledJsonSchemaValidator.Validate(corpus.Validation, bytes);
            var library = corpus.Library.Validate(bytes);
            if (compiled.IsValid != expected)
            {
                failures.Add($"compiled says {Verdict(compiled)} for {document}");
            }
            if (library.IsValid != libraryExpected)
            {
                failures.Add(
                    $"NJsonSchema says {Verdict(library)} for {document} (case expects {libraryExpected})"
                );
            }
            if (!compiled.IsValid && !library.IsValid)
            {
                var libraryPaths = library.Errors.Select(e => e.Path).ToHashSet();
                var extra = compiled.Errors.Where(e => !libraryPaths.Contains(e.Path)).ToList();
                if (extra.Count > 0)
                {
                    failures.Add(
                        $"compiled names {string.Join(", ", extra)} for {document}; NJsonSchema: {library}"
                    );
                }
            }
        }
        Assert.True(failures.Count == 0, name + ":\n" + string.Join("\n", failures));
    }

    [Fact]
    public void EveryCorpusSchema_IsCompiled()
    {
        Assert.All(Schemas, pair => Assert.NotNull(pair.Value.Validation));
        Assert.True(Schemas.Count >= 20);
    }

    private static string Verdict(JsonSchemaValidationResult result) =>
        result.IsValid ? "valid" : "invalid (" + result + ")";

    private sealed record Corpus(
        CompiledJsonSchemaValidation Validation,
        JsonSchemaValidator Library
    )
    {
        public static Corpus Of<T>()
            where T : IJsonSchemaRecord<T> =>
            new(
                T.CompiledValidation
                    ?? throw new InvalidOperationException(typeof(T).Name + " was not compiled"),
                JsonSchemaValidator.For<T>()
            );
    }
}
