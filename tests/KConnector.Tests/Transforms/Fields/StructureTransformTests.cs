using KConnector.Converters;
using KConnector.Converters.Headers;
using KConnector.Errors;
using static KConnector.Tests.Transforms.Fields.FieldTransformTestData;

namespace KConnector.Tests.Transforms.Fields;

/// <summary>Kafka Connect's ValueToKey, HoistField, ExtractField, Flatten, SetSchemaMetadata and HeaderFrom on schemaless values.</summary>
public sealed class StructureTransformTests
{
    [Fact]
    public void ValueToKey_KeyIsTheListedFields()
    {
        var record = Transform(
            Schemaless("""{"userId":3,"city":"Oslo","x":1}""", key: "\"old\""),
            "org.apache.kafka.connect.transforms.ValueToKey",
            ("fields", "userId,city,absent")
        );

        Assert.Equal("""{"userId":3,"city":"Oslo","absent":null}""", Text(record!.Key));
        Assert.Equal("""{"userId":3,"city":"Oslo","x":1}""", Text(record.Value));
    }

    [Fact]
    public void HoistField_WrapsAnyValue_IncludingNull()
    {
        Assert.Equal(
            """{"line":"hello"}""",
            Text(Transform(Schemaless("\"hello\""), "HoistField$Value", ("field", "line"))!.Value)
        );
        Assert.Equal(
            """{"id":42}""",
            Text(
                Transform(
                    Schemaless("{}", key: "42"),
                    "org.apache.kafka.connect.transforms.HoistField$Key",
                    ("field", "id")
                )!.Key
            )
        );
        Assert.Equal(
            """{"line":null}""",
            Text(Transform(Schemaless(null), "HoistField$Value", ("field", "line"))!.Value)
        );
    }

    [Fact]
    public void ExtractField_TakesOneField_NestedWithSyntaxV2()
    {
        Assert.Equal(
            "42",
            Text(
                Transform(
                    Schemaless("""{"id":42,"name":"x"}"""),
                    "ExtractField$Value",
                    ("field", "id")
                )!.Value
            )
        );
        Assert.Equal(
            "null",
            Text(
                Transform(
                    Schemaless("""{"id":42}"""),
                    "ExtractField$Value",
                    ("field", "nope")
                )!.Value
            )
        );
        const string nested = """{"address":{"city":"Oslo"},"address.city":"flat"}""";
        Assert.Equal(
            "\"flat\"",
            Text(
                Transform(
                    Schemaless(nested),
                    "ExtractField$Value",
                    ("field", "address.city")
                )!.Value
            )
        );
        Assert.Equal(
            "\"Oslo\"",
            Text(
                Transform(
                    Schemaless(nested),
                    "ExtractField$Value",
                    ("field", "address.city"),
                    ("field.syntax.version", "V2")
                )!.Value
            )
        );
        Assert.Equal(
            "7",
            Text(
                Transform(
                    Schemaless("{}", key: """{"id":7}"""),
                    "ExtractField$Key",
                    ("field", "id")
                )!.Key
            )
        );
    }

    [Fact]
    public void Flatten_DocumentedExample_JoinsNamesWithTheDelimiter()
    {
        // Kafka Connect's docs: {"content":{"id":42,"name":{"first":"David","middle":null,"last":"Wong"}}}
        const string value =
            """{"content":{"id":42,"name":{"first":"David","middle":null,"last":"Wong"}},"tags":[{"a":1}]}""";

        Assert.Equal(
            """{"content.id":42,"content.name.first":"David","content.name.middle":null,"content.name.last":"Wong","tags":[{"a":1}]}""",
            Text(
                Transform(
                    Schemaless(value),
                    "org.apache.kafka.connect.transforms.Flatten$Value"
                )!.Value
            )
        );
        Assert.Equal(
            """{"content_id":42,"content_name_first":"David","content_name_middle":null,"content_name_last":"Wong","tags":[{"a":1}]}""",
            Text(Transform(Schemaless(value), "Flatten$Value", ("delimiter", "_"))!.Value)
        );
    }

    [Fact]
    public void SetSchemaMetadata_OnASchemalessValue_IsConnectsSchemaRequiredError()
    {
        var error = Assert.Throws<DataException>(() =>
            Transform(
                Schemaless("""{"id":1}"""),
                "SetSchemaMetadata$Value",
                ("schema.name", "order"),
                ("schema.version", "2")
            )
        );
        Assert.Equal("Schema required for [updating schema metadata]", error.Message);
    }

    [Fact]
    public void HeaderFrom_MoveAndCopy()
    {
        var moved = Transform(
            Schemaless("""{"id":7,"name":"pen","tags":[1]}"""),
            "org.apache.kafka.connect.transforms.HeaderFrom$Value",
            ("fields", "id,name,tags,none"),
            ("headers", "h_id,h_name,h_tags,h_none"),
            ("operation", "move")
        );

        Assert.Equal("""{}""", Text(moved!.Value));
        Assert.Equal(["h_id", "h_name", "h_tags", "h_none"], moved.Headers.Select(h => h.Name));
        // Typed as Connect's schemaless JSON types them: an integer is an INT64, an array an ARRAY.
        Assert.Equal(
            [HeaderValue.FromInteger(HeaderValueType.Int64, 7), HeaderValue.FromString("pen")],
            moved.Headers.Take(2).Select(h => h.Value)
        );
        Assert.Equal(HeaderValueType.Array, moved.Headers[2].Value.Type);
        Assert.Equal("[1]", SimpleHeaderConverter.ToText(moved.Headers[2].Value));
        Assert.Equal(HeaderValue.Null, moved.Headers[3].Value);

        var copied = Transform(
            Schemaless("{}", key: """{"id":7}"""),
            "HeaderFrom$Key",
            ("fields", "id"),
            ("headers", "key_id"),
            ("operation", "copy")
        );
        Assert.Equal("""{"id":7}""", Text(copied!.Key));
        Assert.Equal(
            HeaderValue.FromInteger(HeaderValueType.Int64, 7),
            copied.Headers.Single().Value
        );
    }

    [Fact]
    public void HeaderFrom_AfterCast_HeadersKeepTheCastTypes()
    {
        // Connect's SimpleHeaderConverter infers a schemaless header's type from the Java value:
        // a Short from Cast int16 is an INT16, a Float a FLOAT32; a number read from JSON stays an
        // INT64 or a FLOAT64.
        var chain = TransformTestData.Chain([
            ("transforms", "cast,h"),
            ("transforms.cast.type", "Cast$Value"),
            ("transforms.cast.spec", "a:int8,b:int16,c:int32,d:float32"),
            ("transforms.h.type", "HeaderFrom$Value"),
            ("transforms.h.fields", "a,b,c,d,e,f"),
            ("transforms.h.headers", "a,b,c,d,e,f"),
            ("transforms.h.operation", "copy"),
        ]);

        var record = chain.Apply(Schemaless("""{"a":1,"b":2,"c":3,"d":4.5,"e":5,"f":6.5}"""));

        Assert.Equal(
            [
                HeaderValue.FromInteger(HeaderValueType.Int8, 1),
                HeaderValue.FromInteger(HeaderValueType.Int16, 2),
                HeaderValue.FromInteger(HeaderValueType.Int32, 3),
                HeaderValue.FromFloat(4.5f),
                HeaderValue.FromInteger(HeaderValueType.Int64, 5),
                HeaderValue.FromDouble(6.5),
            ],
            record!.Headers.Select(h => h.Value)
        );
    }

    [Fact]
    public void HeaderFrom_FieldsAndHeadersOfDifferentLengths_IsAConfigError()
    {
        var error = Assert.Throws<ConfigException>(() =>
            Build("HeaderFrom$Value", ("fields", "a,b"), ("headers", "h"), ("operation", "move"))
        );
        Assert.Equal("transforms.t.fields", error.Key);
        var operation = Assert.Throws<ConfigException>(() =>
            Build("HeaderFrom$Value", ("fields", "a"), ("headers", "h"), ("operation", "cut"))
        );
        Assert.Equal("transforms.t.operation", operation.Key);
    }
}
