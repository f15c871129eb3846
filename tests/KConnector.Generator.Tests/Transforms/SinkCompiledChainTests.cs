using KConnector.Generator.Tests.Infrastructure;

namespace KConnector.Generator.Tests.Transforms;

/// <summary>
/// A sink spec's field-level value transformations compiled at build time (docs/transforms.md,
/// "Compiled at build time"): the value converter reads the topic's .avsc type and the generated
/// chain turns it into the output record the task takes, mapped by a record accessor of its own
/// where the connector maps columns.
/// </summary>
public class SinkCompiledChainTests
{
    private const string Payment = """
        { "type": "record", "name": "Payment", "namespace": "Shop.Pay", "fields": [
          { "name": "id", "type": "string" }, { "name": "amount", "type": "double" },
          { "name": "card", "type": "string" }, { "name": "cvv", "type": "int" },
          { "name": "note", "type": ["null", "string"], "default": null } ] }
        """;

    private const string Chain = """
            "transforms": "route,insert,rename,cast",
            "transforms.route.type": "RegexRouter",
            "transforms.route.regex": "(.*)",
            "transforms.route.replacement": "$1_table",
            "transforms.insert.type": "InsertField$Value",
            "transforms.insert.static.field": "source",
            "transforms.insert.static.value": "shop",
            "transforms.rename.type": "ReplaceField$Value",
            "transforms.rename.renames": "card:pan",
            "transforms.rename.exclude": "cvv",
            "transforms.cast.type": "Cast$Value",
            "transforms.cast.spec": "amount:string"
        """;

    [Fact]
    public void FileSinkChain_ReadsTheTopicsTypeAndGivesTheTaskTheOutputRecord()
    {
        var run = new GeneratorHarness()
            .AddSchema("payment.avsc", Payment)
            .AddSchema(
                "payments.connector.json",
                $$"""
                {
                  "name": "payments-out",
                  "config": {
                    "connector.class": "FileStreamSink",
                    "topics": "payments",
                    "file": "out.jsonl",
                    "value.schema": "payment.avsc",
                    {{Chain}}
                  }
                }
                """
            )
            .Run();

        Assert.Empty(run.Diagnostics);
        Assert.Empty(run.CompileProblems());
        var worker = run.Source(
            run.HintNames.Single(h => h.EndsWith(".Worker.g.cs", StringComparison.Ordinal))
        );
        Assert.Contains(
            "SinkTaskRunner<string, global::KConnector.Generated.PaymentsOutOutput.Payment>",
            worker,
            StringComparison.Ordinal
        );
        Assert.Contains(
            "new global::KConnector.Transforms.Compiled.SinkChainConverter<global::Shop.Pay.Payment, global::KConnector.Generated.PaymentsOutOutput.Payment>(global::KConnector.Converters.ConverterFactory.Create<global::Shop.Pay.Payment>(",
            worker,
            StringComparison.Ordinal
        );
        Assert.Contains("}, \"insert\", \"rename\", \"cast\");", worker, StringComparison.Ordinal);
        var chain = run.Source(
            run.HintNames.Single(h => h.EndsWith(".ValueChain.g.cs", StringComparison.Ordinal))
        );
        Assert.Contains(
            "global::KConnector.Generated.PaymentsOutOutput.Payment Apply(string topic, global::Shop.Pay.Payment value)",
            chain,
            StringComparison.Ordinal
        );
        Assert.Contains(
            "Amount = global::KConnector.Transforms.Compiled.CompiledCast.Text(value.Amount),",
            chain,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void SqlSinkChain_MapsTheOutputRecordsColumns()
    {
        var run = new GeneratorHarness()
            .AddSchema("payment.avsc", Payment)
            .AddSchema(
                "payments.connector.json",
                $$"""
                {
                  "name": "payments-db",
                  "config": {
                    "connector.class": "io.confluent.connect.jdbc.JdbcSinkConnector",
                    "topics": "payments",
                    "connection.url": "jdbc:sqlite:payments.db",
                    "auto.create": "true",
                    "pk.mode": "record_value",
                    "pk.fields": "id",
                    "value.converter": "io.confluent.connect.avro.AvroConverter",
                    "value.converter.schema.registry.url": "mock://shop",
                    "value.schema": "payment.avsc",
                    {{Chain}}
                  }
                }
                """
            )
            .Run();

        Assert.Empty(run.Diagnostics);
        Assert.Empty(run.CompileProblems());
        var accessor = run.Source(
            run.HintNames.Single(h =>
                h.EndsWith("PaymentsDbOutput.PaymentRecordAccessor.g.cs", StringComparison.Ordinal)
            )
        );
        foreach (
            var column in new[] { "\"id\"", "\"amount\"", "\"pan\"", "\"note\"", "\"source\"" }
        )
        {
            Assert.Contains(column, accessor, StringComparison.Ordinal);
        }
        Assert.DoesNotContain("\"cvv\"", accessor, StringComparison.Ordinal);
        var worker = run.Source(
            run.HintNames.Single(h => h.EndsWith(".Worker.g.cs", StringComparison.Ordinal))
        );
        Assert.Contains(
            "new global::KConnector.Generated.PaymentsDbOutput.PaymentRecordAccessor()",
            worker,
            StringComparison.Ordinal
        );
    }
}
