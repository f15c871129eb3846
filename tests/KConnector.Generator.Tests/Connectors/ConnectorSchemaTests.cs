using KConnector.Generator.Connectors;
using KConnector.Generator.Tests.SpecSchema;
using Newtonsoft.Json.Linq;
using NJsonSchema;

namespace KConnector.Generator.Tests.Connectors;

/// <summary>
/// schemas/connector.schema.json: written from the definitions (KCONNECTOR_ACCEPT_DOCS=1 rewrites it,
/// this fails when it is stale); every spec in the repository validates against it, it documents
/// exactly the keys the generator knows, and it rejects what the generator rejects.
/// </summary>
public class ConnectorSchemaTests
{
    private static readonly Lazy<NJsonSchema.JsonSchema> Schema = new(() =>
        NJsonSchema
            .JsonSchema.FromJsonAsync(
                File.ReadAllText(
                    Path.Combine(RepositoryFiles.Root, "schemas", "connector.schema.json")
                )
            )
            .GetAwaiter()
            .GetResult()
    );

    private static string SchemaPath =>
        Path.Combine(RepositoryFiles.Root, "schemas", "connector.schema.json");

    [Fact]
    public void TheSchemaFile_IsWrittenFromTheDefinitions()
    {
        var written = ConnectorSpecSchemaWriter.Write(Infrastructure.GeneratorHarness.Catalog);
        if (Environment.GetEnvironmentVariable("KCONNECTOR_ACCEPT_DOCS") == "1")
        {
            File.WriteAllText(SchemaPath, written);
            return;
        }
        Assert.True(
            written == File.ReadAllText(SchemaPath).ReplaceLineEndings("\n"),
            SchemaPath
                + " is stale: a plugin or framework definition changed. Rewrite it with KCONNECTOR_ACCEPT_DOCS=1 dotnet test tests/KConnector.Generator.Tests --filter ConnectorSchemaTests"
        );
    }

    public static TheoryData<string> RepositorySpecs()
    {
        var data = new TheoryData<string>();
        foreach (var path in RepositoryFiles.Find("*.connector.json"))
        {
            data.Add(Path.GetRelativePath(RepositoryFiles.Root, path));
        }
        return data;
    }

    [Fact]
    public void TheRepository_HasSpecsToValidate() =>
        Assert.NotEmpty(RepositoryFiles.Find("*.connector.json"));

    [Theory]
    [MemberData(nameof(RepositorySpecs))]
    public void EverySpecInTheRepository_ValidatesAgainstTheSchema(string relativePath)
    {
        var errors = Schema.Value.Validate(
            File.ReadAllText(Path.Combine(RepositoryFiles.Root, relativePath))
        );

        Assert.True(errors.Count == 0, relativePath + ": " + string.Join("; ", errors));
    }

    [Fact]
    public void EverySpecInTheRepository_NamesTheSchema()
    {
        foreach (var path in RepositoryFiles.Find("*.connector.json"))
        {
            var reference = (string?)JObject.Parse(File.ReadAllText(path))["$schema"];
            Assert.NotNull(reference);
            var resolved = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, reference));
            Assert.True(File.Exists(resolved), $"{path}: $schema {reference} does not exist");
        }
    }

    [Fact]
    public void TheSchema_DocumentsExactlyTheKeysTheGeneratorKnows()
    {
        var config = Schema.Value.Properties["config"].ActualSchema;
        var documented = config.Properties.Keys.Order(StringComparer.Ordinal).ToList();
        var catalog = Infrastructure.GeneratorHarness.Catalog;
        var known = catalog
            .FrameworkKeys.Select(k => k.Key.Name)
            .Concat(catalog.Plugins.SelectMany(c => c.Keys.Select(k => k.Name)))
            // A converter's settings under both prefixes, named so that an IDE completes them.
            .Concat(
                catalog
                    .Converters.Where(c => !c.IsHeaderConverter)
                    .SelectMany(c => c.Keys)
                    .SelectMany(k =>
                        new[] { "key.converter." + k.Name, "value.converter." + k.Name }
                    )
            )
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.Equal(known, documented);
        Assert.Contains("value.converter.schema.registry.url", documented);
        foreach (var (name, property) in config.Properties)
        {
            Assert.False(
                string.IsNullOrWhiteSpace(property.Description),
                name + " has no description"
            );
        }
    }

    [Fact]
    public void TheSchema_HasTheGeneratorsDefaultsAndAllowedValues()
    {
        var config = Schema.Value.Properties["config"].ActualSchema;
        var catalog = Infrastructure.GeneratorHarness.Catalog;
        foreach (var key in catalog.FrameworkKeys.Select(k => k.Key))
        {
            var property = config.Properties[key.Name];
            if (key.Default is { Length: > 0 } text && property.Default is { } documented)
            {
                var shown = documented is bool b
                    ? (b ? "true" : "false")
                    : Convert.ToString(
                        documented,
                        System.Globalization.CultureInfo.InvariantCulture
                    );
                Assert.Equal(text, shown);
            }
            // A number's range in the schema is the definition's (the DLQ replication factor's -1...).
            var integer = property.AnyOf.FirstOrDefault(a =>
                a.Type == NJsonSchema.JsonObjectType.Integer
            );
            if (integer is not null)
            {
                Assert.Equal(key.Name + " " + key.Min, key.Name + " " + integer.Minimum);
                Assert.Equal(key.Name + " " + key.Max, key.Name + " " + integer.Maximum);
            }
            if (key.OneOf.Count > 0)
            {
                var allowed = property
                    .Enumeration.Concat(property.AnyOf.SelectMany(a => a.Enumeration))
                    .Select(e => e?.ToString())
                    .ToList();
                Assert.All(key.OneOf, v => Assert.Contains(v, allowed));
            }
        }
        Assert.Equal(
            catalog.AllNames.Order(StringComparer.Ordinal),
            config
                .Properties["connector.class"]
                .AnyOf.SelectMany(a => a.Enumeration)
                .Select(e => (string)e!)
                .Order(StringComparer.Ordinal)
        );
    }

    [Theory]
    [InlineData("\"tasks.max\": \"two\"", "tasks.max")]
    [InlineData("\"errors.tolerence\": \"all\"", "errors.tolerence")]
    [InlineData("\"errors.tolerance\": \"some\"", "errors.tolerance")]
    [InlineData("\"value.converter\": \"JsonConvertr\"", "value.converter")]
    [InlineData("\"errors.log.enable\": \"yes\"", "errors.log.enable")]
    public void TheSchema_RejectsMistakesTheGeneratorRejects(string entry, string key)
    {
        var spec =
            "{\"name\": \"x\", \"config\": {\"connector.class\": \"FileStreamSink\", \"topics\": \"t\", \"file\": \"f\", "
            + entry
            + "}}";

        var errors = Flatten(Schema.Value.Validate(spec)).ToList();

        Assert.Contains(
            errors,
            e =>
                (e.Path ?? string.Empty).Contains(key, StringComparison.Ordinal)
                || e.Property == key
        );
    }

    // Each connector class takes its own keys and its kind's framework keys only, as the build does.
    [Theory]
    [InlineData(
        "\"connector.class\": \"FileStreamSource\", \"file\": \"f\", \"topic\": \"t\", \"topics\": \"t\"",
        "topics (a sink's key) in a source"
    )]
    [InlineData(
        "\"connector.class\": \"FileStreamSink\", \"topics\": \"t\", \"file\": \"f\", \"insert.mode\": \"upsert\"",
        "the JDBC sink's insert.mode in a file sink"
    )]
    [InlineData(
        "\"connector.class\": \"JdbcSink\", \"topics\": \"t\"",
        "the JDBC sink without its required connection.url"
    )]
    [InlineData(
        "\"connector.class\": \"HttpSink\", \"topics\": \"t\", \"http.api.url\": \"http://127.0.0.1:1/\", \"auth.type\": \"basic\"",
        "auth.type=basic without connection.user (required when)"
    )]
    [InlineData(
        "\"connector.class\": \"JdbcSink\", \"topics\": \"t\", \"connection.url\": \"Data Source=x.db\", \"batch.size\": -5",
        "a number under the key's minimum"
    )]
    public void TheSchema_RefusesWhatTheConnectorClassDoesNotTake(string config, string because)
    {
        var errors = Schema.Value.Validate("{\"name\": \"x\", \"config\": {" + config + "}}");

        Assert.True(errors.Count > 0, "accepted " + because);
    }

    [Theory]
    [InlineData(
        "\"connector.class\": \"HttpSink\", \"topics\": \"t\", \"http.api.url\": \"http://127.0.0.1:1/\", \"auth.type\": \"basic\", \"connection.user\": \"u\", \"connection.password\": \"${env:P}\""
    )]
    [InlineData(
        "\"connector.class\": \"JdbcSource\", \"connection.url\": \"Data Source=x.db\", \"mode\": \"bulk\", \"topic.prefix\": \"p-\", \"producer.override.linger.ms\": 5, \"transforms\": \"r\", \"transforms.r.type\": \"RegexRouter\""
    )]
    [InlineData(
        "\"connector.class\": \"Acme.Connectors.LedgerSink\", \"topics\": \"t\", \"ledger.book\": \"main\", \"ledger.strict\": true"
    )]
    public void TheSchema_AcceptsWhatTheConnectorClassTakes(string config)
    {
        var errors = Schema.Value.Validate("{\"name\": \"x\", \"config\": {" + config + "}}");

        Assert.True(errors.Count == 0, string.Join("; ", errors));
    }

    private static IEnumerable<NJsonSchema.Validation.ValidationError> Flatten(
        IEnumerable<NJsonSchema.Validation.ValidationError> errors
    )
    {
        foreach (var error in errors)
        {
            yield return error;
            if (error is NJsonSchema.Validation.ChildSchemaValidationError child)
            {
                foreach (var inner in Flatten(child.Errors.SelectMany(e => e.Value)))
                {
                    yield return inner;
                }
            }
        }
    }
}
