using KConnector.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace KConnector.Generator.Tests.Cdc;

/// <summary>
/// table.value.schemas of the PostgreSQL CDC source: a declared row record makes the value type
/// DeclaredChangeRecord&lt;&lt;Spec&gt;Tables&gt; and a &lt;Table&gt;ChangeEvent per table that
/// compile with the worker; each wrong declaration is a KCN0290-KCN0295 on the line of the key,
/// naming the file and the JSON path.
/// </summary>
public class CdcTableSchemasTests
{
    private const string Row = """
        {
          "type": "record", "name": "OrderRow", "namespace": "Shop.Cdc",
          "fields": [
            { "name": "id", "type": "int" },
            { "name": "item", "type": "string" },
            { "name": "note", "type": ["null", "string"], "default": null }
          ]
        }
        """;

    /// <summary>A CDC spec whose table.value.schemas is on line 7.</summary>
    private static string Spec(
        string declared,
        string extra = "",
        string converter = "io.confluent.connect.avro.AvroConverter"
    ) =>
        "{\n"
        + "  \"name\": \"shop-cdc\",\n"
        + "  \"config\": {\n"
        + "    \"connector.class\": \"io.debezium.connector.postgresql.PostgresConnector\",\n"
        + "    \"database.hostname\": \"db\", \"database.user\": \"cdc\", \"database.dbname\": \"shop\",\n"
        + "    \"topic.prefix\": \"shop\", \"table.include.list\": \"public\\\\.orders,inventory\\\\..*\",\n"
        + $"    \"table.value.schemas\": \"{declared}\",\n"
        + extra
        + $"    \"value.converter\": \"{converter}\",\n"
        + "    \"value.converter.schema.registry.url\": \"http://registry:8081\"\n"
        + "  }\n"
        + "}\n";

    [Fact]
    public void DeclaredTables_GiveTheTypedValue_AndAnEventPerTable()
    {
        var run = new GeneratorHarness()
            .AddSchema("rows/order-row.avsc", Row)
            .AddSchema(
                "shop.connector.json",
                Spec("public.orders:rows/order-row.avsc, inventory.stock:rows/order-row.avsc")
            )
            .Run();

        Assert.Empty(run.Diagnostics);
        Assert.Empty(run.CompileProblems());
        var tables = run.Source(
            run.HintNames.Single(h => h.EndsWith("ShopCdcTables.g.cs", StringComparison.Ordinal))
        );
        Assert.Contains(
            "new(\"public\", \"orders\", \"rows/order-row.avsc\", global::Shop.Cdc.OrderRow.AvroSchemaJson)",
            tables,
            StringComparison.Ordinal
        );
        Assert.Contains(
            "public sealed class OrdersChangeEvent : global::KConnector.Connectors.PostgreSql.Typed.ChangeEnvelope<global::Shop.Cdc.OrderRow>",
            tables,
            StringComparison.Ordinal
        );
        Assert.Contains(
            "public sealed class InventoryStockChangeEvent",
            tables,
            StringComparison.Ordinal
        );
        var worker = run.Source(
            run.HintNames.Single(h => h.EndsWith("ShopCdc.Worker.g.cs", StringComparison.Ordinal))
        );
        Assert.Contains("DeclaredChangeRecord<global::", worker, StringComparison.Ordinal);
    }

    public static TheoryData<string, string, string, string, string> WrongDeclarations =>
        new()
        {
            // case, spec, .avsc text (order-row.avsc), expected id, text the message must contain
            {
                "no path",
                Spec("public.orders"),
                Row,
                "KCN0290",
                "\"public.orders\" is not an entry of table.value.schemas"
            },
            {
                "unqualified table",
                Spec("orders:order-row.avsc"),
                Row,
                "KCN0290",
                "<schema>.<table>:<path"
            },
            {
                "declared twice",
                Spec("public.orders:order-row.avsc,public.orders:order-row.avsc"),
                Row,
                "KCN0290",
                "declared twice"
            },
            {
                "missing file",
                Spec("public.orders:rows/missing.avsc"),
                Row,
                "KCN0291",
                "rows/missing.avsc declared for table public.orders is not an .avsc file of the project"
            },
            {
                "file does not parse",
                Spec("public.orders:order-row.avsc"),
                "{ \"type\": \"record\", ",
                "KCN0291",
                "does not parse as an Avro schema"
            },
            {
                "enum",
                Spec("public.orders:order-row.avsc"),
                "{ \"type\": \"enum\", \"name\": \"E\", \"symbols\": [\"A\"] }",
                "KCN0292",
                "is \"enum\", not an Avro record"
            },
            {
                "not captured",
                Spec("public.customers:order-row.avsc"),
                Row,
                "KCN0293",
                "table.include.list (public\\.orders,inventory\\..*) does not match public.customers"
            },
            {
                "excluded",
                Spec(
                    "inventory.stock:order-row.avsc",
                    "    \"table.exclude.list\": \"inventory\\\\.stock\",\n"
                ),
                Row,
                "KCN0293",
                "table.exclude.list's \"inventory\\.stock\" matches inventory.stock"
            },
            {
                "key column missing",
                Spec(
                    "public.orders:order-row.avsc",
                    "    \"message.key.columns\": \"public\\\\.orders:id,region\",\n"
                ),
                Row,
                "KCN0294",
                "column \"region\" of table public.orders's key (message.key.columns) is not a field of order-row.avsc"
            },
            {
                "string converter",
                Spec(
                    "public.orders:order-row.avsc",
                    "",
                    "org.apache.kafka.connect.storage.StringConverter"
                ),
                Row,
                "KCN0295",
                "it is org.apache.kafka.connect.storage.StringConverter"
            },
        };

    [Theory]
    [MemberData(nameof(WrongDeclarations))]
    public void WrongDeclaration_IsAnErrorOnTheKeysLine(
        string @case,
        string spec,
        string avsc,
        string id,
        string message
    )
    {
        var run = new GeneratorHarness()
            .AddSchema("order-row.avsc", avsc)
            .AddSchema("shop.connector.json", spec)
            .Run();

        var found = run.Diagnostics.Where(d => d.Id == id).ToList();
        Assert.True(found.Count == 1, $"{@case}: {string.Join("\n", run.Diagnostics)}");
        var diagnostic = found[0];
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal(7, diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1);
        var text = diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains(
            "shop.connector.json, line 7, at $.config['table.value.schemas']",
            text,
            StringComparison.Ordinal
        );
        Assert.Contains(message, text, StringComparison.Ordinal);
    }
}
