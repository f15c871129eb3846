using KConnector.Generator.Tests.Infrastructure;
using KConnector.Testing;
using Microsoft.CodeAnalysis;

namespace KConnector.Generator.Tests.Connectors;

/// <summary>
/// A spec naming the SQL sink (the example: SQLite, topic orders, order.avsc) compiles to a
/// worker whose table mapping is a record accessor generated from the schema.
/// </summary>
public class SqlSinkSpecTests
{
    [Theory]
    [InlineData("KConnector.Generated.OrdersSqliteSink.Config.g.cs", "Connector.SqliteSink.Config")]
    [InlineData("KConnector.Generated.OrdersSqliteSink.Worker.g.cs", "Connector.SqliteSink.Worker")]
    [InlineData("Shop.Orders.OrderRecordAccessor.g.cs", "Connector.SqliteSink.Accessor")]
    public void SqliteSinkSpec_GeneratesTheWorkerAndTheAccessor(string hintName, string snapshot)
    {
        var run = new GeneratorHarness()
            .AddSchema("order.avsc", Schemas.Order)
            .AddSchema("orders.connector.json", ConnectorTexts.SqliteSinkSpec)
            .Run();

        Assert.Empty(run.Diagnostics);
        Assert.Empty(run.CompileProblems());
        SnapshotVerifier.Verify(run.Source(hintName), snapshot);
    }

    [Fact]
    public void TwoSpecsMappingOneRecord_ShareOneAccessor()
    {
        var run = new GeneratorHarness()
            .AddSchema("order.avsc", Schemas.Order)
            .AddSchema("a.connector.json", ConnectorTexts.SqliteSinkSpec)
            .AddSchema(
                "b.connector.json",
                ConnectorTexts.SqliteSinkSpec.Replace(
                    "orders-sqlite-sink",
                    "orders-archive",
                    StringComparison.Ordinal
                )
            )
            .Run();

        Assert.Empty(run.Diagnostics);
        Assert.Empty(run.CompileProblems());
        Assert.Single(
            run.HintNames,
            h => h.EndsWith("RecordAccessor.g.cs", StringComparison.Ordinal)
        );
    }

    [Fact]
    public void FieldsNoColumnCanHold_AreCompileErrorsNamingTheFileLineAndField()
    {
        const string schema = """
            {
              "type": "record",
              "name": "Order",
              "namespace": "Shop.Orders",
              "fields": [
                { "name": "order_id", "type": "string" },
                { "name": "lines", "type": { "type": "array", "items": "string" } },
                { "name": "tags", "type": { "type": "map", "values": "int" } },
                {
                  "name": "address",
                  "type": { "type": "record", "name": "Address", "fields": [ { "name": "city", "type": "string" } ] }
                },
                { "name": "total", "type": { "type": "bytes", "logicalType": "decimal", "precision": 9, "scale": 2 } },
                { "name": "either", "type": ["null", "string", "long"] },
                { "name": "placed_at", "type": { "type": "long", "logicalType": "timestamp-millis" } }
              ]
            }
            """;

        var run = new GeneratorHarness()
            .AddSchema("order.avsc", schema)
            .AddSchema("orders.connector.json", ConnectorTexts.SqliteSinkSpec)
            .Run();

        var errors = run.Diagnostics.Where(d => d.Id == "KCN0242").ToList();
        // A decimal is a DECIMAL(p,s) column, a timestamp a TIMESTAMP: neither is an error.
        Assert.Equal(
            ["lines", "tags", "address", "either"],
            errors.Select(e => e.GetMessage().Split('"')[1])
        );
        Assert.All(errors, e => Assert.Equal(DiagnosticSeverity.Error, e.Severity));
        Assert.All(errors, e => Assert.Equal("/project/order.avsc", e.Location.GetLineSpan().Path));
        Assert.All(
            errors,
            e => Assert.StartsWith("order.avsc, line ", e.GetMessage(), StringComparison.Ordinal)
        );
        Assert.Equal(
            [7, 8, 11, 14],
            errors.Select(e => e.Location.GetLineSpan().StartLinePosition.Line + 1)
        );
        Assert.Contains("an array", errors[0].GetMessage(), StringComparison.Ordinal);
        Assert.Contains(
            "KConnector.Connectors.Sql.SqlSink",
            errors[0].GetMessage(),
            StringComparison.Ordinal
        );
        // No worker is generated for a mapping that cannot be complete.
        Assert.DoesNotContain("KConnector.Generated.OrdersSqliteSink.Worker.g.cs", run.HintNames);
    }

    [Fact]
    public void SqlSinkSpec_WithoutTheSqlPackage_IsReported()
    {
        var harness = new GeneratorHarness()
            .AddSchema("order.avsc", Schemas.Order)
            .AddSchema("orders.connector.json", ConnectorTexts.SqliteSinkSpec);
        var full = harness.CreateCompilation();
        var compilation = full.RemoveReferences(
            full.References.Where(r =>
                (r.Display ?? string.Empty).EndsWith(
                    "KConnector.Connectors.Sql.dll",
                    StringComparison.Ordinal
                )
            )
        );
        Assert.NotEqual(full.References.Count(), compilation.References.Count());

        var result = harness.CreateDriver().RunGenerators(compilation).GetRunResult();

        var diagnostic = Assert.Single(result.Diagnostics, d => d.Id == "KCN0208");
        Assert.Contains(
            "references the package",
            diagnostic.GetMessage(),
            StringComparison.Ordinal
        );
        Assert.Equal(5, diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1);
        Assert.Empty(
            result
                .Results.Single()
                .GeneratedSources.Where(s =>
                    s.HintName.Contains("Sqlite", StringComparison.Ordinal)
                )
        );
    }
}
