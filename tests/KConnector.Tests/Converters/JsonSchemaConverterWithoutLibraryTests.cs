using System.Text;
using KConnector.Converters;
using KConnector.Errors;
using KConnector.JsonSchema;
using KConnector.SchemaRegistry;
using KConnector.Testing.JsonSchema;
using KConnector.Tests.JsonSchema.Corpus;

namespace KConnector.Tests.Converters;

/// <summary>
/// The JSON Schema converter in a trimmed or Native AOT worker, where the build targets turn the
/// library switch off (docs/jsonschema.md, "Trimming and Native AOT"): the compiled road works as
/// before, a type without compiled validation refuses to start, and a foreign writer's record is
/// checked against the type's own compiled schema. The switch is set here as the runtime sets it
/// from the published runtimeconfig.json.
/// </summary>
[Collection(nameof(JsonSchemaLibrarySwitchCollection))]
public sealed class JsonSchemaConverterWithoutLibraryTests : IDisposable
{
    public JsonSchemaConverterWithoutLibraryTests() =>
        AppContext.SetSwitch(JsonSchemaLibrary.SwitchName, false);

    public void Dispose() => AppContext.SetSwitch(JsonSchemaLibrary.SwitchName, true);

    private static (MockSchemaRegistryClient Registry, ConverterConfig Config) Registry()
    {
        var scope = Guid.NewGuid().ToString();
        return (
            new MockSchemaRegistryClient(scope),
            ConverterConfig.ForMockRegistry(scope, isKey: false)
        );
    }

    [Fact]
    public void ATypeWithoutCompiledValidation_RefusesToStart_SayingWhyAndWhatToDo()
    {
        var (registry, config) = Registry();

        var error = Assert.Throws<ConfigException>(() =>
            new JsonSchemaConverter<JsonSchemaCustomer>(registry, config)
        );

        Assert.Contains("The JSON Schema of JsonSchemaCustomer is not compiled", error.Message);
        Assert.Contains("KCN0112", error.Message);
        Assert.Contains(JsonSchemaLibrary.SwitchName, error.Message);
        Assert.Contains("-p:KConnectorJsonSchemaLibraryValidation=true", error.Message);
    }

    [Fact]
    public void ACompiledType_WritesAndReadsItsOwnSchema_AsWithTheLibrary()
    {
        var (registry, config) = Registry();
        var converter = new JsonSchemaConverter<CorpusNumbers>(registry, config);

        var bytes = converter.FromConnectData("numbers", new CorpusNumbers { Age = 30 })!;

        Assert.Equal(30, converter.ToConnectData("numbers", bytes)!.Age);
        var refused = Assert.Throws<JsonSchemaValidationException>(() =>
            converter.FromConnectData("numbers", new CorpusNumbers { Age = 151 })
        );
        Assert.Contains(refused.Errors, e => e is { Path: "$.age", Kind: "NumberTooBig" });
    }

    [Fact]
    public async Task AForeignWritersRecord_IsCheckedAgainstTheTypesOwnCompiledSchema()
    {
        var (registry, config) = Registry();
        var converter = new JsonSchemaConverter<CorpusNumbers>(registry, config);
        // Another producer's schema, looser than the type's own: it lets age 200 through.
        var foreign = await registry.RegisterSchemaAsync(
            "numbers-value",
            new Schema("""{"type":"object","title":"OtherNumbers"}""", SchemaType.Json),
            CancellationToken.None
        );

        var refused = Assert.Throws<JsonSchemaValidationException>(() =>
            converter.ToConnectData("numbers", Framed(foreign, """{"age":200}"""))
        );
        Assert.Contains("read from topic 'numbers'", refused.Message);
        Assert.Contains(refused.Errors, e => e is { Path: "$.age", Kind: "NumberTooBig" });
        Assert.Equal(
            20,
            converter.ToConnectData("numbers", Framed(foreign, """{"age":20}"""))!.Age
        );

        // With the library (a JIT worker), the writer's own schema decides: the same record passes.
        AppContext.SetSwitch(JsonSchemaLibrary.SwitchName, true);
        var withLibrary = new JsonSchemaConverter<CorpusNumbers>(registry, config);
        Assert.Equal(
            200,
            withLibrary.ToConnectData("numbers", Framed(foreign, """{"age":200}"""))!.Age
        );
    }

    private static byte[] Framed(int schemaId, string json) =>
        [
            0,
            (byte)(schemaId >> 24),
            (byte)(schemaId >> 16),
            (byte)(schemaId >> 8),
            (byte)schemaId,
            .. Encoding.UTF8.GetBytes(json),
        ];
}
