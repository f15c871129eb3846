using KConnector.Generator.Tests.Infrastructure;

namespace KConnector.Generator.Tests.Transforms;

/// <summary>
/// A sink spec with no value.schema whose value.converter is the JsonConverter (Kafka Connect's
/// schemaless JSON, docs/transforms.md): the worker carries KConnector.Json.SchemalessJson and runs
/// the field-level transformations at run time; what would fail on every record stays a build error
/// at the key that says why.
/// </summary>
public class SchemalessSpecTests
{
    private const string FieldChain = """
            "transforms": "mask,rename,insert",
            "transforms.mask.type": "org.apache.kafka.connect.transforms.MaskField$Value",
            "transforms.mask.fields": "card",
            "transforms.rename.type": "ReplaceField$Value",
            "transforms.rename.renames": "amount:total",
            "transforms.insert.type": "InsertField$Value",
            "transforms.insert.static.field": "source",
            "transforms.insert.static.value": "shop"
        """;

    [Theory]
    [InlineData(
        "\"connector.class\": \"FileStreamSink\", \"file\": \"out.jsonl\", \"key.converter\": \"org.apache.kafka.connect.json.JsonConverter\",",
        "SinkTaskRunner<global::KConnector.Json.SchemalessJson, global::KConnector.Json.SchemalessJson>"
    )]
    [InlineData(
        "\"connector.class\": \"HttpSink\", \"http.api.url\": \"http://127.0.0.1:1/in\",",
        "SinkTaskRunner<string, global::KConnector.Json.SchemalessJson>"
    )]
    public void SinkWithJsonConverterAndNoSchema_CarriesSchemalessJsonAndRunsTheChainAtRunTime(
        string connector,
        string runner
    )
    {
        var run = Run(
            connector
                + """
                "topics": "payments",
                "value.converter": "org.apache.kafka.connect.json.JsonConverter",
                "value.converter.schemas.enable": "false",
                """
                + FieldChain
        );

        Assert.Empty(run.Diagnostics);
        Assert.Empty(run.CompileProblems());
        var worker = run.Source(
            run.HintNames.Single(h => h.EndsWith(".Worker.g.cs", StringComparison.Ordinal))
        );
        Assert.Contains(runner, worker, StringComparison.Ordinal);
        Assert.Contains(
            "global::KConnector.Json.SchemalessJson.Formats",
            worker,
            StringComparison.Ordinal
        );
        // Nothing compiled: the run-time chain (the hosted worker's) runs every stage.
        Assert.DoesNotContain(
            run.HintNames,
            h => h.EndsWith(".ValueChain.g.cs", StringComparison.Ordinal)
        );
    }

    public static TheoryData<string, string, string, int, string> Refused =>
        new()
        {
            {
                "SetSchemaMetadata of a schemaless value",
                "\"connector.class\": \"FileStreamSink\", \"file\": \"o\", \"value.converter\": \"JsonConverter\",\n"
                    + "\"transforms\": \"meta\",\n\"transforms.meta.type\": \"SetSchemaMetadata$Value\", \"transforms.meta.schema.name\": \"shop.Payment\"",
                "KCN0250",
                6,
                "Kafka Connect's SetSchemaMetadata needs a schema"
            },
            {
                "a key stage on an .avsc key beside a schemaless value",
                "\"connector.class\": \"FileStreamSink\", \"file\": \"o\", \"value.converter\": \"JsonConverter\", \"key.schema\": \"payment.avsc\",\n"
                    + "\"transforms\": \"mask\",\n\"transforms.mask.type\": \"MaskField$Key\", \"transforms.mask.fields\": \"card\"",
                "KCN0250",
                6,
                "the key is not"
            },
            {
                "the JDBC sink, which maps fields by schema",
                "\"connector.class\": \"io.confluent.connect.jdbc.JdbcSinkConnector\", \"connection.url\": \"jdbc:sqlite:p.db\", \"value.converter\": \"JsonConverter\"",
                "KCN0201",
                3,
                "which maps the value's fields by its schema (schemaless JSON has none)"
            },
            {
                "a file sink under the StringConverter without value.schema",
                "\"connector.class\": \"FileStreamSink\", \"file\": \"o\", \"value.converter\": \"StringConverter\"",
                "KCN0201",
                3,
                "or set value.converter to org.apache.kafka.connect.json.JsonConverter for schemaless JSON"
            },
        };

    [Theory]
    [MemberData(nameof(Refused))]
    public void WhatFailsOnEveryRecord_IsRefusedAtTheKeyThatSaysWhy(
        string name,
        string config,
        string id,
        int line,
        string fragment
    )
    {
        var run = Run(config + ",\n\"topics\": \"payments\"");

        Assert.False(string.IsNullOrEmpty(name));
        var diagnostic = Assert.Single(
            run.Diagnostics,
            d => d.Id.StartsWith("KCN", StringComparison.Ordinal)
        );
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(line, diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1);
        Assert.Contains(fragment, diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    private static GeneratorRun Run(string config) =>
        new GeneratorHarness()
            .AddSchema(
                "payment.avsc",
                """
                { "type": "record", "name": "Payment", "namespace": "Shop.Pay", "fields": [
                  { "name": "id", "type": "string" }, { "name": "card", "type": "string" } ] }
                """
            )
            .AddSchema(
                "payments.connector.json",
                "{\n\"name\": \"payments-out\",\n\"config\": {\n" + config + "\n}\n}\n"
            )
            .Run();
}
