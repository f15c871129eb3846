using KConnector.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace KConnector.Generator.Tests.Connectors;

/// <summary>
/// Every converter against every kind of key type, in a spec and in an attribute: a pair the runtime's
/// ConverterFactory could not build is KCN0205 at the converter's line, naming what the converter
/// needs and the converters that would carry the type; every other pair generates code that compiles.
/// </summary>
public class ConverterCompatibilityTests
{
    private static readonly string[] Converters =
    [
        "io.confluent.connect.avro.AvroConverter",
        "io.confluent.connect.json.JsonSchemaConverter",
        "io.confluent.connect.protobuf.ProtobufConverter",
        "org.apache.kafka.connect.json.JsonConverter",
        "org.apache.kafka.connect.storage.StringConverter",
        "org.apache.kafka.connect.converters.ByteArrayConverter",
    ];

    private static readonly Dictionary<string, string> BillingNamespace = new()
    {
        ["KConnectorNamespace"] = "Shop.Billing",
    };

    // Written out here rather than read from the generator: Kafka Connect's converters and what
    // KConnector's ConverterFormats give each kind of type.
    private static readonly Dictionary<string, string[]> Carriers = new()
    {
        ["string"] = ["StringConverter", "JsonConverter"],
        ["byte[]"] = ["ByteArrayConverter", "JsonConverter"],
        ["avsc"] = ["AvroConverter", "JsonConverter"],
        ["schema.json"] = ["JsonSchemaConverter", "JsonConverter"],
        ["proto"] = ["ProtobufConverter"],
    };

    public static TheoryData<string, string> SpecPairs()
    {
        var data = new TheoryData<string, string>();
        foreach (var schema in new[] { "", "order.avsc", "invoice.schema.json", "telemetry.proto" })
        {
            foreach (var converter in Converters)
            {
                data.Add(schema, converter);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(SpecPairs))]
    public void SpecKey_ConverterAndSchema_AreCheckedTogether(string schema, string converter)
    {
        var keySchema = schema.Length == 0 ? "" : $"    \"key.schema\": \"{schema}\",\n";
        var spec =
            "{\n  \"name\": \"pairs\",\n  \"config\": {\n"
            + "    \"connector.class\": \"FileStreamSink\",\n"
            + "    \"topics\": \"orders\",\n"
            + "    \"file\": \"out.jsonl\",\n"
            + "    \"value.schema\": \"order.avsc\",\n"
            + keySchema
            + $"    \"key.converter\": \"{converter}\"\n"
            + "  }\n}\n";
        var run = new GeneratorHarness()
            .AddSchema("order.avsc", Schemas.Order)
            .AddSchema("invoice.schema.json", Schemas.Invoice, BillingNamespace)
            .AddSchema("telemetry.proto", Schemas.Telemetry)
            .AddSchema("pairs.connector.json", spec)
            .Run();

        // With no key.schema the key is a string, except under the ByteArrayConverter: byte[].
        var type =
            schema.EndsWith(".avsc", StringComparison.Ordinal) ? "avsc"
            : schema.EndsWith(".schema.json", StringComparison.Ordinal) ? "schema.json"
            : schema.EndsWith(".proto", StringComparison.Ordinal) ? "proto"
            : converter.EndsWith("ByteArrayConverter", StringComparison.Ordinal) ? "byte[]"
            : "string";
        AssertChecked(run, type, converter, line: schema.Length == 0 ? 8 : 9, "key.schema");
    }

    public static TheoryData<string, string> AttributePairs()
    {
        var data = new TheoryData<string, string>();
        foreach (
            var type in new[]
            {
                "string",
                "byte[]",
                "Shop.Orders.Order",
                "Shop.Billing.Invoice",
                "Shop.TelemetryEvents.Alarm",
            }
        )
        {
            foreach (var converter in Converters)
            {
                data.Add(type, converter);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(AttributePairs))]
    public void AttributeKey_ConverterAndType_AreCheckedTogether(string type, string converter)
    {
        var code = $$"""
            using System.Collections.Generic;
            using System.Threading;
            using System.Threading.Tasks;
            using KConnector.Connectors;
            using KConnector.Records;

            namespace Shop.Connectors;

            [SinkConnector("pairs", Topics = "t", KeyType = typeof({{type}}), KeyConverter = "{{converter}}")]
            public partial class PairsSink
            {
                public ValueTask PutAsync(IReadOnlyList<SinkRecord<{{type}}, string>> records, CancellationToken cancellationToken) => default;
            }
            """;
        var run = new GeneratorHarness()
            .AddSchema("order.avsc", Schemas.Order)
            .AddSchema("invoice.schema.json", Schemas.Invoice, BillingNamespace)
            .AddSchema("telemetry.proto", Schemas.Telemetry)
            .AddSource(code)
            .Run();

        var kind =
            type == "Shop.Orders.Order" ? "avsc"
            : type == "Shop.Billing.Invoice" ? "schema.json"
            : type == "Shop.TelemetryEvents.Alarm" ? "proto"
            : type;
        AssertChecked(run, kind, converter, line: 9, "KeyType");
    }

    private static void AssertChecked(
        GeneratorRun run,
        string type,
        string converter,
        int line,
        string schemaKey
    )
    {
        var simple = converter[(converter.LastIndexOf('.') + 1)..];
        var carried = Carriers[type].Contains(simple);
        var problems = run.Diagnostics.Where(d => d.Id == "KCN0205").ToList();
        if (carried)
        {
            Assert.Empty(run.Diagnostics);
            Assert.Empty(run.CompileProblems());
            return;
        }
        var problem = Assert.Single(problems);
        var message = problem.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(DiagnosticSeverity.Error, problem.Severity);
        Assert.Equal(line, problem.Location.GetLineSpan().StartLinePosition.Line + 1);
        Assert.Contains("the " + simple, message, StringComparison.Ordinal);
        Assert.Contains("cannot carry", message, StringComparison.Ordinal);
        // The fix names every converter that would carry the type.
        foreach (var carrier in Carriers[type])
        {
            Assert.Contains(
                carrier,
                message[message.IndexOf("or use", StringComparison.Ordinal)..],
                StringComparison.Ordinal
            );
        }
        if (simple is "AvroConverter" or "JsonSchemaConverter")
        {
            Assert.Contains(schemaKey, message, StringComparison.Ordinal);
        }
    }
}
