using System.Text.Json.Nodes;
using KConnector.Converters;
using KConnector.Json;
using KConnector.Transforms;

namespace KConnector.Tests.Transforms;

/// <summary>
/// Field-level transformations on a spec's schemaless JSON (<see cref="SchemalessJson"/>) work as on
/// a hosted worker's JsonNode: the wrapped node is read, and the result wrapped again, whatever JSON
/// it is (ExtractField of a primitive, ValueToKey's object key).
/// </summary>
public sealed class SchemalessJsonChainTests
{
    private static ConnectRecord<SchemalessJson, SchemalessJson> Record(string value) =>
        new()
        {
            Topic = "payments",
            Key = new SchemalessJson(JsonNode.Parse("""{"k":1}""")!),
            Value = new SchemalessJson(JsonNode.Parse(value)!),
        };

    [Fact]
    public void MaskReplaceInsert_OnSchemalessJson_AsOnJsonNode()
    {
        var chain = TransformTestData.Chain(
            ("transforms", "mask,rename,insert"),
            ("transforms.mask.type", "MaskField$Value"),
            ("transforms.mask.fields", "card"),
            ("transforms.rename.type", "ReplaceField$Value"),
            ("transforms.rename.renames", "amount:total"),
            ("transforms.insert.type", "InsertField$Value"),
            ("transforms.insert.static.field", "source"),
            ("transforms.insert.static.value", "shop")
        );
        const string Input = """{"id":"p1","amount":2.5,"card":"4111"}""";

        var wrapped = chain.Apply(Record(Input))!;
        var plain = chain.Apply(
            new ConnectRecord<JsonNode, JsonNode>
            {
                Topic = "payments",
                Value = JsonNode.Parse(Input),
            }
        )!;

        Assert.Equal(
            """{"id":"p1","total":2.5,"card":"","source":"shop"}""",
            wrapped.Value!.ToString()
        );
        Assert.Equal(plain.Value!.ToJsonString(), wrapped.Value.ToString());
    }

    [Fact]
    public void ExtractFieldOfAPrimitive_AndValueToKey_AreWrapped()
    {
        var extract = TransformTestData.Chain(
            ("transforms", "key,id"),
            ("transforms.key.type", "ValueToKey"),
            ("transforms.key.fields", "id"),
            ("transforms.id.type", "ExtractField$Value"),
            ("transforms.id.field", "id")
        );

        var record = extract.Apply(Record("""{"id":"p1","amount":2.5}"""))!;

        Assert.Equal("""{"id":"p1"}""", record.Key!.ToString());
        Assert.Equal("\"p1\"", record.Value!.ToString());
    }

    [Fact]
    public void SetSchemaMetadata_IsConnectsSchemaRequiredError()
    {
        var chain = TransformTestData.Chain(
            ("transforms", "meta"),
            ("transforms.meta.type", "SetSchemaMetadata$Value"),
            ("transforms.meta.schema.name", "shop.Payment")
        );

        var error = Assert.Throws<DataException>(() => chain.Apply(Record("""{"id":"p1"}""")));

        Assert.Contains(
            "Schema required for [updating schema metadata]",
            error.Message,
            StringComparison.Ordinal
        );
    }
}
