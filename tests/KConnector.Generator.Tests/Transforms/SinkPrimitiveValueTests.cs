using KConnector.Generator.Tests.Infrastructure;

namespace KConnector.Generator.Tests.Transforms;

/// <summary>
/// A sink spec whose compiled chain makes the value a Connect primitive (<c>ExtractField$Value</c>
/// of a primitive field, then maybe a whole-value <c>Cast</c>): the file sink takes it (its
/// descriptor's <c>CreatePrimitiveTask</c>, one line per record as Kafka Connect's
/// FileStreamSinkTask prints it); a sink whose task maps or writes fields refuses it (KCN0258 at
/// <c>field</c>, naming the connector). The generated chain is compiled, loaded and run.
/// </summary>
public class SinkPrimitiveValueTests
{
    private const string Payment = """
        { "type": "record", "name": "Payment", "namespace": "Shop.Pay", "fields": [
          { "name": "id", "type": "string" }, { "name": "amount", "type": "double" },
          { "name": "card", "type": "string" }, { "name": "cvv", "type": "int" } ] }
        """;

    /// <summary>A sink spec of payment.avsc values, the ExtractField's <c>field</c> on line 10, <paramref name="extra"/> after.</summary>
    private static string Spec(
        string connector,
        string target,
        string aliases,
        params string[] extra
    ) =>
        "{\n"
        + "  \"name\": \"payments-out\",\n"
        + "  \"config\": {\n"
        + "    \"connector.class\": \""
        + connector
        + "\",\n"
        + "    \"topics\": \"payments\",\n"
        + "    "
        + target
        + ",\n"
        + "    \"value.schema\": \"payment.avsc\",\n"
        + "    \"transforms\": \""
        + aliases
        + "\",\n"
        + "    \"transforms.x.type\": \"org.apache.kafka.connect.transforms.ExtractField$Value\",\n"
        + "    \"transforms.x.field\": \"amount\""
        + string.Concat(extra.Select(e => ",\n    " + e))
        + "\n  }\n}\n";

    private const string File = "\"file\": \"amounts.txt\"";

    private static GeneratorRun Run(string spec) =>
        new GeneratorHarness()
            .AddSchema("payment.avsc", Payment)
            .AddSchema("payments.connector.json", spec)
            .Run();

    private static object? Apply(GeneratorRun run, double amount)
    {
        var assembly = CompiledRun.Load(run);
        var payment = CompiledRun.New(assembly, "Shop.Pay.Payment");
        CompiledRun.Set(payment, "Id", "p-1");
        CompiledRun.Set(payment, "Amount", amount);
        CompiledRun.Set(payment, "Card", "4111");
        return CompiledRun.Apply(assembly, "PaymentsOutValueChain", "payments", payment);
    }

    private static string Worker(GeneratorRun run) =>
        run.Source(run.HintNames.Single(h => h.EndsWith(".Worker.g.cs", StringComparison.Ordinal)));

    [Fact]
    public void FileSink_ExtractFieldOfANumber_GivesTheFileSinkTaskThatNumber()
    {
        var run = Run(Spec("FileStreamSink", File, "x"));

        Assert.Equal(12.5, Apply(run, 12.5));
        var worker = Worker(run);
        Assert.Contains("SinkTaskRunner<string, double?>", worker, StringComparison.Ordinal);
        Assert.Contains(
            "global::KConnector.Connectors.File.JsonLinesFileSink.CreatePrimitiveTask<string, double?>(config.Parsed.Originals)",
            worker,
            StringComparison.Ordinal
        );
        // The value converter reads the topic's Payment; the chain makes the task's double.
        Assert.Contains(
            "new global::KConnector.Transforms.Compiled.SinkChainConverter<global::Shop.Pay.Payment, double?>(global::KConnector.Converters.ConverterFactory.Create<global::Shop.Pay.Payment>(",
            worker,
            StringComparison.Ordinal
        );
        Assert.DoesNotContain(
            run.HintNames,
            h => h.EndsWith(".ValueOutput.g.cs", StringComparison.Ordinal)
        );
    }

    [Fact]
    public void FileSink_WholeValueCastAfterExtractField_IsConnectsCast()
    {
        var run = Run(
            Spec(
                "FileStreamSink",
                File,
                "x,c",
                "\"transforms.c.type\": \"Cast$Value\"",
                "\"transforms.c.spec\": \"int64\""
            )
        );

        // castValueToType: a real cast to an integer truncates.
        Assert.Equal(12L, Apply(run, 12.99));
        Assert.Contains(
            "JsonLinesFileSink.CreatePrimitiveTask<string, long?>(",
            Worker(run),
            StringComparison.Ordinal
        );
    }

    public static TheoryData<string, string, string> RecordSinks =>
        new()
        {
            {
                "io.confluent.connect.jdbc.JdbcSinkConnector",
                "\"connection.url\": \"jdbc:sqlite:payments.db\"",
                "KConnector.Connectors.Sql.SqlSink"
            },
            {
                "HttpSink",
                "\"http.api.url\": \"http://127.0.0.1:9/payments\"",
                "KConnector.Connectors.Http.HttpSink"
            },
            {
                "ElasticsearchSink",
                "\"connection.url\": \"http://127.0.0.1:9200\"",
                "KConnector.Connectors.Elasticsearch.ElasticsearchSink"
            },
        };

    [Theory]
    [MemberData(nameof(RecordSinks))]
    public void ASinkWhoseTaskTakesRecords_RefusesAPrimitiveValue_AtField(
        string connector,
        string target,
        string className
    ) =>
        CompiledRun.Reported(
            Run(Spec(connector, target, "x")),
            "KCN0258",
            10,
            "the task of " + className + " takes a record"
        );
}
