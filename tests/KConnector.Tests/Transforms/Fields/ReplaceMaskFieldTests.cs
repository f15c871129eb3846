using KConnector.Converters;
using KConnector.Errors;
using static KConnector.Tests.Transforms.Fields.FieldTransformTestData;

namespace KConnector.Tests.Transforms.Fields;

/// <summary>Kafka Connect's ReplaceField and MaskField on schemaless values.</summary>
public sealed class ReplaceMaskFieldTests
{
    private const string Order = """{"id":7,"name":"pen","price":1.5,"secret":"x"}""";

    [Fact]
    public void ReplaceField_ExcludeIncludeAndRenames_AsDocumented()
    {
        Assert.Equal(
            """{"id":7,"name":"pen","price":1.5}""",
            Text(
                Transform(
                    Schemaless(Order),
                    "org.apache.kafka.connect.transforms.ReplaceField$Value",
                    ("exclude", "secret")
                )!.Value
            )
        );
        Assert.Equal(
            """{"id":7,"name":"pen"}""",
            Text(Transform(Schemaless(Order), "ReplaceField$Value", ("include", "id,name"))!.Value)
        );
        // Connect's docs: renames=foo:c1,bar:c2; exclude wins over include.
        Assert.Equal(
            """{"order_id":7,"cost":1.5}""",
            Text(
                Transform(
                    Schemaless(Order),
                    "ReplaceField$Value",
                    ("include", "id,price,secret"),
                    ("exclude", "secret"),
                    ("renames", "id:order_id,price:cost")
                )!.Value
            )
        );
    }

    [Fact]
    public void ReplaceField_DeprecatedBlacklistAndWhitelist_StillWork_NewNamesWin()
    {
        Assert.Equal(
            """{"id":7}""",
            Text(
                Transform(
                    Schemaless(Order),
                    "ReplaceField$Value",
                    ("whitelist", "id,secret"),
                    ("blacklist", "secret")
                )!.Value
            )
        );
        Assert.Equal(
            """{"name":"pen"}""",
            Text(
                Transform(
                    Schemaless(Order),
                    "ReplaceField$Value",
                    ("include", "name"),
                    ("whitelist", "id")
                )!.Value
            )
        );
    }

    [Fact]
    public void ReplaceField_KeyVariant_And_BadRename_NamesTheKey()
    {
        var record = Transform(
            Schemaless(Order, key: """{"id":7,"tenant":"a"}"""),
            "ReplaceField$Key",
            ("exclude", "tenant")
        );
        Assert.Equal("""{"id":7}""", Text(record!.Key));

        var error = Assert.Throws<ConfigException>(() =>
            Build("ReplaceField$Value", ("renames", "id"))
        );
        Assert.Equal("transforms.t.renames", error.Key);
        Assert.Contains("Invalid rename mapping: id", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MaskField_EmptyValueOfEachType_AbsentFieldBecomesNull()
    {
        var record = Transform(
            Schemaless("""{"i":5,"d":2.5,"s":"abc","b":true,"a":[1],"o":{"x":1},"n":null}"""),
            "org.apache.kafka.connect.transforms.MaskField$Value",
            ("fields", "i,d,s,b,a,o,n,missing")
        );

        Assert.Equal(
            """{"i":0,"d":0,"s":"","b":false,"a":[],"o":{},"n":null,"missing":null}""",
            Text(record!.Value)
        );
    }

    [Fact]
    public void MaskField_Replacement_ForStringsAndNumbers_RefusedForBooleans()
    {
        var record = Transform(
            Schemaless("""{"ssn":"123-45","pin":1234}"""),
            "MaskField$Value",
            ("fields", "ssn,pin"),
            ("replacement", "0000")
        );
        Assert.Equal("""{"ssn":"0000","pin":0}""", Text(record!.Value));

        var error = Assert.Throws<DataException>(() =>
            Transform(
                Schemaless("""{"pin":1234}"""),
                "MaskField$Value",
                ("fields", "pin"),
                ("replacement", "****")
            )
        );
        Assert.Contains(
            "Unable to convert **** (String) to number",
            error.Message,
            StringComparison.Ordinal
        );
        Assert.Throws<DataException>(() =>
            Transform(
                Schemaless("""{"b":true}"""),
                "MaskField$Value",
                ("fields", "b"),
                ("replacement", "x")
            )
        );
    }
}
