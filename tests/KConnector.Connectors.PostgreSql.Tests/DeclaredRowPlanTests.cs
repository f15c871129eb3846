using KConnector.Connectors.PostgreSql.Configuration;
using KConnector.Connectors.PostgreSql.Events;
using KConnector.Connectors.PostgreSql.Typed;
using KConnector.Errors;

namespace KConnector.Connectors.PostgreSql.Tests;

/// <summary>
/// Which declared fields can hold which columns (Debezium's type mapping, as the relation message
/// gives the column's type OID and modifier): what the task refuses before a change leaves it.
/// </summary>
public sealed class DeclaredRowPlanTests
{
    private const int Numeric10Scale2 = ((10 << 16) | 2) + 4;

    public static TheoryData<string, uint, int, bool, string, string?> Fields =>
        new()
        {
            // case, column type OID, modifier, nullable column, declared field type, refusal (null: held)
            { "int into long (promotion)", 23, -1, false, "\"long\"", null },
            { "int into string", 23, -1, false, "\"string\"", "cannot take it" },
            { "text into int", 25, -1, false, "\"int\"", "cannot take it" },
            { "real into double (promotion)", 700, -1, false, "\"double\"", null },
            {
                "numeric(10,2) into decimal scale 2",
                1700,
                Numeric10Scale2,
                false,
                """{"type":"bytes","logicalType":"decimal","precision":10,"scale":2}""",
                null
            },
            {
                "numeric(10,2) into decimal scale 3",
                1700,
                Numeric10Scale2,
                false,
                """{"type":"bytes","logicalType":"decimal","precision":10,"scale":3}""",
                "cannot take it"
            },
            {
                "numeric(10,2) into plain bytes",
                1700,
                Numeric10Scale2,
                false,
                "\"bytes\"",
                "needs Avro's decimal logical type"
            },
            { "numeric without precision", 1700, -1, false, "\"bytes\"", "VariableScaleDecimal" },
            { "date into date", 1082, -1, false, """{"type":"int","logicalType":"date"}""", null },
            {
                "timestamp into timestamp-micros",
                1114,
                -1,
                false,
                """{"type":"long","logicalType":"timestamp-micros"}""",
                null
            },
            {
                "timestamp into timestamp-millis",
                1114,
                -1,
                false,
                """{"type":"long","logicalType":"timestamp-millis"}""",
                "cannot take it"
            },
            {
                "timestamp(3) into timestamp-millis",
                1114,
                3,
                false,
                """{"type":"long","logicalType":"timestamp-millis"}""",
                null
            },
            {
                "uuid into uuid",
                2950,
                -1,
                false,
                """{"type":"string","logicalType":"uuid"}""",
                null
            },
            {
                "text into uuid",
                25,
                -1,
                false,
                """{"type":"string","logicalType":"uuid"}""",
                "cannot take it"
            },
            {
                "nullable text into required string",
                25,
                -1,
                true,
                "\"string\"",
                "cannot hold null"
            },
            { "nullable text into optional string", 25, -1, true, """["null","string"]""", null },
            {
                "text[] into array of optional strings",
                1009,
                -1,
                false,
                """{"type":"array","items":["null","string"]}""",
                null
            },
            {
                "text[] into array of strings",
                1009,
                -1,
                false,
                """{"type":"array","items":"string"}""",
                "cannot take it"
            },
            {
                "text into a union of two types",
                25,
                -1,
                false,
                """["string","long"]""",
                "a union of several types"
            },
        };

    [Theory]
    [MemberData(nameof(Fields))]
    public void AColumn_IsHeldOrRefused_ByItsDeclaredField(
        string @case,
        uint oid,
        int modifier,
        bool nullable,
        string fieldType,
        string? refusal
    )
    {
        var table = Table(
            new TableColumn("v", oid, modifier, nullable)
            {
                Mapping = ColumnMappings.For(oid, modifier, DecimalHandlingMode.Precise),
            }
        );
        var declared = Declared($$"""{"name":"v","type":{{fieldType}}}""");

        var error = Record.Exception(() => DeclaredRowPlan.Check(table, declared));

        if (refusal is null)
        {
            Assert.True(error is null, $"{@case}: {error?.Message}");
            return;
        }
        var refused = Assert.IsType<ConnectException>(error);
        Assert.Contains("Table public.t: column 'v'", refused.Message, StringComparison.Ordinal);
        Assert.Contains("t-row.avsc", refused.Message, StringComparison.Ordinal);
        Assert.Contains(refusal, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AFieldWithoutColumn_NeedsADefault()
    {
        var table = Table(
            new TableColumn("id", 23, -1, false)
            {
                Mapping = ColumnMappings.For(23, -1, DecimalHandlingMode.Precise),
            }
        );

        var refused = Assert.Throws<ConnectException>(() =>
            DeclaredRowPlan.Check(
                table,
                Declared("""{"name":"id","type":"int"},{"name":"channel","type":"string"}""")
            )
        );
        _ = DeclaredRowPlan.Check(
            table,
            Declared(
                """{"name":"id","type":"int"},{"name":"channel","type":"string","default":"web"}"""
            )
        );

        Assert.Contains(
            "field 'channel' cannot be held by the declared value schema t-row.avsc: the table has no such column and the field has no default",
            refused.Message,
            StringComparison.Ordinal
        );
    }

    private static CapturedTable Table(params TableColumn[] columns) =>
        new("public", "t", columns, [0], "shop");

    private static DeclaredTableSchema Declared(string fields) =>
        new(
            "public",
            "t",
            "t-row.avsc",
            $$"""{"type":"record","name":"T","fields":[{{fields}}]}"""
        );
}
