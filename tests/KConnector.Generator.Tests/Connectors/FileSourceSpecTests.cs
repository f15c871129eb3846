using KConnector.Generator.Tests.Infrastructure;

namespace KConnector.Generator.Tests.Connectors;

/// <summary>A spec naming Kafka Connect's FileStreamSourceConnector: string keys, record values.</summary>
public class FileSourceSpecTests
{
    private const string Spec = """
        {
          "name": "orders-file-source",
          "config": {
            "connector.class": "FileStreamSource",
            "file": "orders.jsonl",
            "topic": "orders",
            "value.converter": "io.confluent.connect.avro.AvroConverter",
            "value.schema": "order.avsc"
          }
        }
        """;

    [Fact]
    public void FileSourceSpec_CompilesToASourceWorker_BuildingRecordsThroughTheAccessor()
    {
        var run = new GeneratorHarness()
            .AddSchema("order.avsc", Schemas.Order)
            .AddSchema("orders.connector.json", Spec)
            .Run();

        Assert.Empty(run.Diagnostics);
        Assert.Empty(run.CompileProblems());
        Assert.Contains(
            "global::KConnector.Connectors.File.FileStreamSource.CreateTask<global::Shop.Orders.Order>(config.Parsed.Originals, new global::Shop.Orders.OrderRecordAccessor())",
            run.Source("KConnector.Generated.OrdersFileSource.Worker.g.cs"),
            StringComparison.Ordinal
        );
        Assert.Contains("Shop.Orders.OrderRecordAccessor.g.cs", run.HintNames);
    }

    [Fact]
    public void FileSourceSpec_WithAKeySchema_IsReported()
    {
        var run = new GeneratorHarness()
            .AddSchema("order.avsc", Schemas.Order)
            .AddSchema(
                "orders.connector.json",
                Spec.Replace(
                    "\"value.schema\"",
                    "\"key.converter\": \"io.confluent.connect.avro.AvroConverter\", \"key.schema\": \"order.avsc\", \"value.schema\"",
                    StringComparison.Ordinal
                )
            )
            .Run();

        var diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal("KCN0243", diagnostic.Id);
        Assert.Contains("remove key.schema", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.StartsWith(
            "orders.connector.json, line 8",
            diagnostic.GetMessage(),
            StringComparison.Ordinal
        );
    }
}
