using KConnector.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace KConnector.Generator.Tests.JsonSchema;

/// <summary>
/// The corpus of malformed JSON Schemas: each gets its diagnostic, in the right file and on the
/// right line, with the JSON path in the message; the generator never throws, and whatever it
/// still generates compiles.
/// </summary>
public class JsonSchemaDiagnosticsTests
{
    private const string Other = "other.schema.json";

    public static TheoryData<string, string, string, string, string, int, string> Corpus =>
        new()
        {
            // name, case.schema.json, other.schema.json ("" = none), id, file, 1-based line, message fragment
            {
                "truncated JSON",
                "{\n  \"type\": \"object\",\n  \"properties\": {\n",
                "",
                "KCN0100",
                "case",
                4,
                "not valid JSON"
            },
            {
                "trailing comma",
                "{\n  \"type\": \"object\",\n}",
                "",
                "KCN0100",
                "case",
                3,
                "property name"
            },
            {
                "single quotes",
                "{\n  'type': 'object'\n}",
                "",
                "KCN0100",
                "case",
                2,
                "double quotes"
            },
            {
                "unknown type",
                "{\n  \"properties\": {\n    \"a\": { \"type\": \"strng\" }\n  }\n}",
                "",
                "KCN0101",
                "case",
                3,
                "$.properties.a.type: \"strng\""
            },
            {
                "unknown type in a type array",
                "{\n  \"type\": \"object\",\n  \"properties\": {\n    \"a\": { \"type\": [\"int\", \"null\"] }\n  }\n}",
                "",
                "KCN0101",
                "case",
                4,
                "$.properties.a.type[0]"
            },
            {
                "type is a number",
                "{\n  \"properties\": {\n    \"a\": { \"type\": 5 }\n  }\n}",
                "",
                "KCN0110",
                "case",
                3,
                "\"type\" must be a type name"
            },
            {
                "unresolvable $ref in the file",
                "{\n  \"properties\": {\n    \"a\": { \"$ref\": \"#/$defs/Missing\" }\n  },\n  \"$defs\": {}\n}",
                "",
                "KCN0102",
                "case",
                3,
                "$.properties.a.$ref"
            },
            {
                "$ref to a file that does not exist",
                "{\n  \"properties\": {\n    \"a\": {\n      \"$ref\": \"nowhere.schema.json#/$defs/A\"\n    }\n  }\n}",
                "",
                "KCN0102",
                "case",
                4,
                "no *.schema.json file of the project is \"nowhere.schema.json\""
            },
            {
                "unresolvable $ref across files",
                "{\n  \"properties\": {\n    \"a\": { \"$ref\": \"other.schema.json#/$defs/B\" }\n  }\n}",
                "{ \"$defs\": { \"A\": { \"type\": \"string\" } } }",
                "KCN0102",
                "case",
                3,
                "other.schema.json has no schema at \"/$defs/B\""
            },
            {
                "$ref is not a string",
                "{\n  \"properties\": {\n    \"a\": { \"$ref\": 1 }\n  }\n}",
                "",
                "KCN0110",
                "case",
                3,
                "\"$ref\" must be a string"
            },
            {
                "$ref to an $anchor",
                "{\n  \"properties\": {\n    \"a\": { \"$ref\": \"#address\" }\n  }\n}",
                "",
                "KCN0102",
                "case",
                3,
                "$anchor"
            },
            {
                "$ref cycle through aliases",
                "{\n  \"$defs\": {\n    \"A\": { \"$ref\": \"#/$defs/B\" },\n    \"B\": { \"$ref\": \"#/$defs/A\" }\n  }\n}",
                "",
                "KCN0103",
                "case",
                3,
                "$.$defs.A.$ref: the $ref \"#/$defs/B\" leads back to itself"
            },
            {
                "enum mixing strings and numbers",
                "{\n  \"properties\": {\n    \"size\": {\n      \"enum\": [\"S\", \"M\", 3]\n    }\n  }\n}",
                "",
                "KCN0104",
                "case",
                4,
                "strings with numbers"
            },
            {
                "required names an undeclared property",
                "{\n  \"type\": \"object\",\n  \"required\": [\"id\", \"nmae\"],\n  \"properties\": { \"id\": { \"type\": \"string\" }, \"name\": { \"type\": \"string\" } }\n}",
                "",
                "KCN0105",
                "case",
                3,
                "\"nmae\" is listed in \"required\""
            },
            {
                "string with properties",
                "{\n  \"properties\": {\n    \"a\": {\n      \"type\": \"string\",\n      \"properties\": {}\n    }\n  }\n}",
                "",
                "KCN0106",
                "case",
                5,
                "\"type\": \"string\" conflicts with \"properties\""
            },
            {
                "integer with a string format",
                "{\n  \"properties\": {\n    \"at\": { \"type\": \"integer\", \"format\": \"date-time\" }\n  }\n}",
                "",
                "KCN0106",
                "case",
                3,
                "conflicts with \"format\": \"date-time\""
            },
            {
                "enum of strings typed integer",
                "{\n  \"properties\": {\n    \"a\": { \"type\": \"integer\",\n      \"enum\": [\"x\"] }\n  }\n}",
                "",
                "KCN0106",
                "case",
                3,
                "conflicts with an enum of strings"
            },
            {
                "number with items",
                "{\n  \"properties\": {\n    \"a\": { \"type\": \"number\",\n      \"items\": {} }\n  }\n}",
                "",
                "KCN0106",
                "case",
                4,
                "conflicts with \"items\""
            },
            {
                "allOf of two schemas",
                "{\n  \"properties\": {\n    \"a\": {\n      \"allOf\": [{ \"type\": \"object\" }, { \"required\": [\"x\"] }]\n    }\n  }\n}",
                "",
                "KCN0107",
                "case",
                4,
                "\"allOf\" is valid JSON Schema"
            },
            {
                "prefixItems",
                "{\n  \"properties\": {\n    \"point\": {\n      \"type\": \"array\",\n      \"prefixItems\": [{ \"type\": \"number\" }]\n    }\n  }\n}",
                "",
                "KCN0107",
                "case",
                5,
                "tuples"
            },
            {
                "draft-07 tuple items",
                "{\n  \"properties\": {\n    \"point\": {\n      \"type\": \"array\",\n      \"items\": [{ \"type\": \"number\" }]\n    }\n  }\n}",
                "",
                "KCN0107",
                "case",
                5,
                "tuple"
            },
            {
                "$dynamicRef",
                "{\n  \"properties\": {\n    \"tree\": { \"$dynamicRef\": \"#node\" }\n  }\n}",
                "",
                "KCN0107",
                "case",
                3,
                "dynamic references"
            },
            {
                "oneOf beside properties",
                "{\n  \"properties\": {\n    \"a\": {\n      \"oneOf\": [{ \"type\": \"string\" }, { \"type\": \"integer\" }],\n      \"properties\": { \"b\": {} }\n    }\n  }\n}",
                "",
                "KCN0107",
                "case",
                5,
                "move the properties into each branch"
            },
            {
                "patternProperties with additionalProperties false",
                "{\n  \"type\": \"object\",\n  \"additionalProperties\": false,\n  \"patternProperties\": { \"^x-\": { \"type\": \"string\" } }\n}",
                "",
                "KCN0107",
                "case",
                4,
                "reject the members the patterns allow"
            },
            {
                "if/then/else",
                "{\n  \"type\": \"object\",\n  \"properties\": { \"a\": { \"type\": \"string\" } },\n  \"if\": { \"required\": [\"a\"] }\n}",
                "",
                "KCN0112",
                "case",
                4,
                "\"if\" is not compiled (it constrains values without changing their shape): payloads of this schema are validated at run time by NJsonSchema"
            },
            {
                "contains",
                "{\n  \"type\": \"object\",\n  \"properties\": {\n    \"tags\": { \"type\": \"array\", \"items\": { \"type\": \"string\" }, \"contains\": { \"const\": \"vip\" } }\n  }\n}",
                "",
                "KCN0112",
                "case",
                4,
                "$.properties.tags.contains: \"contains\" is not compiled"
            },
            {
                "false subschema",
                "{\n  \"type\": \"object\",\n  \"properties\": {\n    \"legacy\": false\n  }\n}",
                "",
                "KCN0112",
                "case",
                4,
                "$.properties.legacy: \"false\" is not compiled"
            },
            {
                "patternProperties",
                "{\n  \"type\": \"object\",\n  \"patternProperties\": {\n    \"^x-\": { \"type\": \"string\" }\n  }\n}",
                "",
                "KCN0112",
                "case",
                3,
                "kept with the other undeclared members"
            },
            {
                "not",
                "{\n  \"properties\": {\n    \"a\": { \"type\": \"string\", \"not\": { \"const\": \"x\" } }\n  }\n}",
                "",
                "KCN0108",
                "case",
                3,
                "$.properties.a.not"
            },
            {
                "two files generate the same type",
                "{\n  \"title\": \"Customer\",\n  \"type\": \"object\"\n}",
                "{\n  \"title\": \"Customer\",\n  \"type\": \"object\"\n}",
                "KCN0109",
                "other",
                1,
                "the type Customer is also generated from case.schema.json"
            },
            {
                "a definition clashes with another file's root",
                "{\n  \"$defs\": {\n    \"Other\": { \"type\": \"object\", \"properties\": {} }\n  }\n}",
                "{ \"type\": \"object\" }",
                "KCN0109",
                "other",
                1,
                "also generated from case.schema.json (#/$defs/Other)"
            },
            {
                "types differing only in case",
                "{\n  \"$defs\": {\n    \"line\": { \"type\": \"object\", \"properties\": {} },\n    \"LINE\": { \"type\": \"object\", \"properties\": {} }\n  }\n}",
                "",
                "KCN0109",
                "case",
                4,
                "the type LINE is also generated from case.schema.json (#/$defs/line)"
            },
            {
                "$defs is an array",
                "{\n  \"type\": \"object\",\n  \"$defs\": [\n  ]\n}",
                "",
                "KCN0110",
                "case",
                3,
                "\"$defs\" must be an object"
            },
            {
                "required is a string",
                "{\n  \"type\": \"object\",\n  \"required\": \"id\"\n}",
                "",
                "KCN0110",
                "case",
                3,
                "\"required\" must be an array"
            },
            {
                "additionalProperties is a string",
                "{\n  \"type\": \"object\",\n  \"additionalProperties\": \"no\"\n}",
                "",
                "KCN0110",
                "case",
                3,
                "a boolean or a schema"
            },
            {
                "empty enum",
                "{\n  \"properties\": {\n    \"a\": { \"enum\": [] }\n  }\n}",
                "",
                "KCN0110",
                "case",
                3,
                "a non-empty array"
            },
            {
                "empty oneOf",
                "{\n  \"properties\": {\n    \"a\": { \"oneOf\": [] }\n  }\n}",
                "",
                "KCN0110",
                "case",
                3,
                "\"oneOf\" must be a non-empty array"
            },
            {
                "property declared twice",
                "{\n  \"properties\": {\n    \"a\": { \"type\": \"string\" },\n    \"a\": { \"type\": \"integer\" }\n  }\n}",
                "",
                "KCN0110",
                "case",
                4,
                "appears twice"
            },
            {
                "root is an array",
                "[\n  { \"type\": \"object\" }\n]",
                "",
                "KCN0111",
                "case",
                1,
                "not an array"
            },
            {
                "property schema is a number",
                "{\n  \"properties\": {\n    \"a\": 42\n  }\n}",
                "",
                "KCN0111",
                "case",
                3,
                "$.properties.a: a schema must be a JSON object or a boolean, not a number"
            },
        };

    [Theory]
    [MemberData(nameof(Corpus))]
    public void MalformedSchema_GetsItsDiagnosticAtTheRightLine(
        string name,
        string text,
        string other,
        string id,
        string file,
        int line,
        string fragment
    )
    {
        var harness = new GeneratorHarness().AddSchema("case.schema.json", text);
        if (other.Length > 0)
        {
            harness.AddSchema(Other, other);
        }

        var run = harness.Run();

        Assert.Null(run.Result.Results.Single().Exception);
        var diagnostic = Assert.Single(run.Diagnostics);
        Assert.True(diagnostic.Id == id, $"{name}: expected {id}, got {diagnostic}");
        var span = diagnostic.Location.GetLineSpan();
        Assert.Equal("/project/" + file + ".schema.json", span.Path);
        Assert.True(
            span.StartLinePosition.Line + 1 == line,
            $"{name}: expected line {line}, got {diagnostic}"
        );
        var message = diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        Assert.StartsWith(
            $"{file}.schema.json, line {line}, at $",
            message,
            StringComparison.Ordinal
        );
        Assert.Contains(fragment, message, StringComparison.Ordinal);
        // Whatever was still generated (JsonElement in place of what could not be typed) compiles.
        Assert.Empty(run.CompileProblems());
    }

    [Fact]
    public void Corpus_CoversEveryJsonSchemaDiagnosticButTheCrashReport()
    {
        var ids = Corpus.Select(row => (string)row[3]).Distinct().Order().ToList();

        Assert.True(Corpus.Count() >= 20);
        Assert.Equal(
            [
                "KCN0100",
                "KCN0101",
                "KCN0102",
                "KCN0103",
                "KCN0104",
                "KCN0105",
                "KCN0106",
                "KCN0107",
                "KCN0108",
                "KCN0109",
                "KCN0110",
                "KCN0111",
                "KCN0112",
            ],
            ids
        );
    }

    [Fact]
    public void ConstraintWarnings_AreWarnings_AndEverythingElseIsAnError()
    {
        var run = new GeneratorHarness()
            .AddSchema("case.schema.json", "{ \"type\": \"object\", \"not\": {}, \"required\": 1 }")
            .Run();

        Assert.Contains(
            run.Diagnostics,
            d => d.Id == "KCN0108" && d.Severity == DiagnosticSeverity.Warning
        );
        Assert.Contains(
            run.Diagnostics,
            d => d.Id == "KCN0110" && d.Severity == DiagnosticSeverity.Error
        );
    }

    [Fact]
    public void InvalidItemMetadata_IsReported()
    {
        var run = new GeneratorHarness()
            .AddSchema(
                "case.schema.json",
                "{ \"type\": \"object\" }",
                new Dictionary<string, string> { ["KConnectorNamespace"] = "Shop.9Json" }
            )
            .Run();

        var diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal("KCN0010", diagnostic.Id);
        Assert.Contains(
            "KConnectorNamespace=\"Shop.9Json\"",
            diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture),
            StringComparison.Ordinal
        );
        Assert.Empty(run.HintNames);
    }

    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    [InlineData(13)]
    public void DamagedSchemas_NeverMakeTheGeneratorThrow_OrGenerateCodeThatDoesNotCompile(int seed)
    {
        // Cut, duplicate and swap characters of valid schemas: whatever comes out is reported, never thrown.
        var random = new Random(seed);
        var sources = new[]
        {
            JsonSchemaFixtures.Order,
            JsonSchemaFixtures.Customer,
            JsonSchemaFixtures.Invoice,
        };
        for (var i = 0; i < 15; i++)
        {
            var text = sources[random.Next(sources.Length)];
            var chars = text.ToCharArray().ToList();
            for (var edit = 0; edit < 3; edit++)
            {
                var at = random.Next(chars.Count);
                switch (random.Next(3))
                {
                    case 0:
                        chars.RemoveAt(at);
                        break;
                    case 1:
                        chars.Insert(at, "{}[]\":,tnf0-"[random.Next(12)]);
                        break;
                    default:
                        (chars[at], chars[chars.Count - 1 - at]) = (
                            chars[chars.Count - 1 - at],
                            chars[at]
                        );
                        break;
                }
            }

            var run = new GeneratorHarness()
                .AddSchema("case.schema.json", new string([.. chars]))
                .AddSchema("customer.schema.json", JsonSchemaFixtures.Customer)
                .Run();

            Assert.Null(run.Result.Results.Single().Exception);
            Assert.DoesNotContain(run.Diagnostics, d => d.Id is "AD0001" or "KCN0199");
            Assert.Empty(run.CompileProblems());
        }
    }
}
