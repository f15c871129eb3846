using System.Globalization;
using System.Text.Json.Nodes;
using KConnector.IntegrationTests.Specs;

namespace KConnector.IntegrationTests.Transforms;

/// <summary>
/// Avro types Connect reads through Confluent's AvroData, in a compiled chain, through the road a
/// spec takes (generated config and worker, embedded Kafka, the registry): the spec of
/// <see cref="InvoicesSource"/> (invoices-avrotypes.connector.json) renames an enum field, flattens
/// a record holding an enum and a union (one optional field per branch, as Connect's Flatten of
/// AvroData's Union struct), masks an optional enum and casts a decimal to string; an array of
/// records rides along. The topic's records and the registered schema (the enums as strings with
/// AvroData's <c>connect.parameters</c>, the decimals as AvroData writes Connect's Decimal, the array
/// of records, the fields' defaults) are checked, and the schemaless chain of the same keys gives the same record but for
/// the cast decimal, which schemaless Connect sees as its JSON form (base64 bytes), not a BigDecimal.
/// </summary>
public sealed class AvroTypesPipelineTests
{
    private const int Invoices = 6;
    private const string Names = "KConnector.IntegrationTests.Transforms.Invoices.";

    [Fact]
    public async Task InvoicesSource_CompiledChainRecordsAndTheirSchemaInTheTopic()
    {
        await using var bed = await PipelineBed.StartAsync(withRegistry: true, "invoices");
        var source = new InvoicesAvrotypesWorker(
            InvoicesAvrotypesConfig.Parse(
                bed.Config(
                    InvoicesAvrotypesConfig.SpecValues,
                    ("value.converter.schema.registry.url", bed.RegistryUrl)
                )
            ),
            bed.Environment
        );
        await WorkerRuns.RunUntilAsync([source], () => source.RecordsProcessed >= Invoices);

        var records = bed.Read("invoices");
        Assert.Equal(Invoices, records.Count);
        var sample = InvoicesAvrotypesValueChain.Apply("invoices", InvoicesSource.InvoiceNumber(0));
        Assert.Equal(
            Enumerable.Range(0, Invoices).Select(Expected),
            records.Select(r =>
                ChainJson.Normalized(
                    ChainJson.JsonOf(KeyChainPipelineTests.DecodeLike(sample, r.Message.Value!))
                )
            )
        );
        var schema = await bed.RegisteredSchemaAsync("invoices-value");
        Assert.Equal(Names + "SalesInvoice", schema["namespace"] + "." + schema["name"]);
        Assert.Equal(
            [
                "id:\"string\"",
                "state:" + EnumType("Status", "DRAFT", "DRAFT", "SENT", "PAID"),
                "priority:[\"null\"," + EnumType("Priority", null, "LOW", "HIGH") + "]",
                "total:\"string\"",
                "customer_name:\"string\"",
                "customer_tier:" + EnumType("Tier", null, "BASIC", "GOLD"),
                "lines:{\"type\":\"array\",\"items\":{\"type\":\"record\",\"name\":\"Line\",\"fields\":["
                    + "{\"name\":\"sku\",\"type\":\"string\"},{\"name\":\"qty\",\"type\":\"int\",\"default\":1},"
                    + "{\"name\":\"price\",\"type\":{\"type\":\"bytes\",\"scale\":2,\"precision\":8,\"connect.version\":1,"
                    + "\"connect.parameters\":{\"scale\":\"2\",\"connect.decimal.precision\":\"8\"},"
                    + "\"connect.name\":\"org.apache.kafka.connect.data.Decimal\",\"logicalType\":\"decimal\"}}]}}",
                "payment_string:[\"null\",\"string\"]",
                "payment_long:[\"null\",\"long\"]",
            ],
            PipelineBed.FieldsOf(schema)
        );
        // The fields' defaults, as AvroData carries them through Connect and writes them back.
        Assert.Equal(
            [
                "state:\"DRAFT\"",
                "priority:null",
                "customer_name:\"anonymous\"",
                "payment_string:null",
                "payment_long:null",
            ],
            DefaultsOf(schema)
        );
    }

    private static IEnumerable<string> DefaultsOf(JsonNode record) =>
        record["fields"]!
            .AsArray()
            .Where(f => f!.AsObject().ContainsKey("default"))
            .Select(f => f!["name"] + ":" + (f["default"]?.ToJsonString() ?? "null"));

    /// <summary>
    /// The schemaless (JsonNode) chain of the spec's keys gives the same record, field for field,
    /// but for <c>total</c>: schemaless, Kafka Connect's Cast sees the decimal's JSON form (the
    /// unscaled bytes in base64) and keeps that text; with a schema it casts the BigDecimal. And a
    /// null payment: with a schema Flatten gives its branches' fields (null), schemaless the one
    /// null field.
    /// </summary>
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void CompiledAndSchemalessChains_GiveTheSameRecordButForTheCastDecimal(int n)
    {
        var invoice = InvoicesSource.InvoiceNumber(n);
        var compiled = InvoicesAvrotypesValueChain.Apply("invoices", invoice);
        var schemaless = ChainJson
            .Schemaless(InvoicesAvrotypesConfig.SpecValues)
            .Apply(
                new KConnector.Transforms.ConnectRecord<string, JsonNode>
                {
                    Topic = "invoices",
                    Value = JsonNode.Parse(ChainJson.JsonOf(invoice)),
                }
            )!;

        Assert.Equal(Expected(n), ChainJson.Normalized(ChainJson.JsonOf(compiled)));
        var expected = JsonNode.Parse(Expected(n))!;
        expected["total"] = JsonNode.Parse(ChainJson.JsonOf(invoice))!["total"]!.DeepClone();
        if (invoice.Payment is null)
        {
            // Schemaless, a null field is no struct to flatten: Connect's Flatten keeps its name.
            var flat = expected.AsObject();
            flat.Remove("payment_string");
            flat.Remove("payment_long");
            flat["payment"] = null;
        }
        Assert.Equal(
            expected.ToJsonString(),
            ChainJson.Normalized(schemaless.Value!.ToJsonString())
        );
    }

    // Invoice n after the chain: status renamed, the customer and the payment union flattened,
    // priority masked to "", total as Connect's Cast writes a BigDecimal, the lines as they were.
    private static string Expected(int n)
    {
        var invoice = InvoicesSource.InvoiceNumber(n);
        return new JsonObject
        {
            ["id"] = invoice.Id,
            ["state"] = n % 2 == 0 ? "PAID" : "SENT",
            ["priority"] = n % 3 == 0 ? string.Empty : null,
            ["total"] = invoice.Total.ToString("0.00", CultureInfo.InvariantCulture),
            ["customer_name"] = "c-" + n.ToString(CultureInfo.InvariantCulture),
            ["customer_tier"] = n % 2 == 1 ? "GOLD" : "BASIC",
            ["lines"] = new JsonArray(
                invoice.Lines.Select(l => JsonNode.Parse(ChainJson.JsonOf(l))).ToArray()
            ),
            ["payment_string"] =
                n % 3 == 1 ? "card-" + n.ToString(CultureInfo.InvariantCulture) : null,
            ["payment_long"] = n % 3 == 2 ? 100L * n : null,
        }.ToJsonString();
    }

    // An enum as AvroData writes its STRING: its doc and default, name and symbols as parameters.
    private static string EnumType(string name, string? defaultSymbol, params string[] symbols) =>
        "{\"type\":\"string\",\"connect.parameters\":{"
        + (
            defaultSymbol is null
                ? string.Empty
                : "\"io.confluent.connect.avro.enum.default."
                    + name
                    + "\":\""
                    + defaultSymbol
                    + "\","
        )
        + "\"io.confluent.connect.avro.Enum\":\""
        + Names
        + name
        + "\""
        + string.Concat(
            symbols.Select(s => ",\"io.confluent.connect.avro.Enum." + s + "\":\"" + s + "\"")
        )
        + "},\"connect.name\":\""
        + Names
        + name
        + "\"}";
}
