using System.Text.Json.Nodes;
using Confluent.Kafka;
using KConnector.Converters;
using KConnector.IntegrationTests.Specs;
using KConnector.IntegrationTests.Transforms.Invoices;
using KConnector.SchemaRegistry;

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
    internal const int Invoices = 6;
    internal const string SinkTopic = "invoices-in";
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
            Enumerable.Range(0, Invoices).Select(RegisteredInvoices.Transformed),
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
    /// The same chain in a file sink's spec (invoices-avrotypes-sink.connector.json): the sink's
    /// AvroConverter reads the topic's invoices (sales-invoice.avsc), the compiled chain runs after
    /// it, as Connect's sink converts and then transforms, and the file holds the same records as
    /// the source's chain makes.
    /// </summary>
    [Fact]
    public async Task FileSinkSpec_TheFileHoldsTheSameRecords()
    {
        await using var bed = await PipelineBed.StartAsync(withRegistry: false, SinkTopic);
        ProduceInvoices(bed);
        var output = bed.PathOf("invoices-out.jsonl");
        var sink = new InvoicesAvrotypesSinkWorker(
            InvoicesAvrotypesSinkConfig.Parse(
                bed.Config(InvoicesAvrotypesSinkConfig.SpecValues, ("file", output))
            ),
            bed.Environment
        );
        await WorkerRuns.RunUntilAsync([sink], () => PipelineBed.LineCount(output) >= Invoices);

        RegisteredInvoices.AssertFileHoldsTransformed(output, Invoices);
    }

    /// <summary>Writes the invoices to the sink spec's topic as its AvroConverter reads them (mock://invoices-avrotypes-sink).</summary>
    internal static void ProduceInvoices(PipelineBed bed)
    {
        var values = new AvroConverter<SalesInvoice>(
            new MockSchemaRegistryClient("invoices-avrotypes-sink"),
            isKey: false
        );
        using var producer = new ProducerBuilder<Null, byte[]>(
            new ProducerConfig { BootstrapServers = bed.BootstrapServers }
        ).Build();
        for (var n = 0; n < Invoices; n++)
        {
            producer.Produce(
                SinkTopic,
                new()
                {
                    Value = values.FromConnectData(SinkTopic, InvoicesSource.InvoiceNumber(n))!,
                }
            );
        }
        producer.Flush(TimeSpan.FromSeconds(30));
    }

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

        Assert.Equal(
            RegisteredInvoices.Transformed(n),
            ChainJson.Normalized(ChainJson.JsonOf(compiled))
        );
        var expected = JsonNode.Parse(RegisteredInvoices.Transformed(n))!;
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

    /// <summary>
    /// The invoices and payments the other roads write by hand (tests/Shared/SpecRecords, for
    /// <c>kconnector run</c> and REST) are the Avro records the generated types write.
    /// </summary>
    [Fact]
    public void HandWrittenRecords_AreTheGeneratedTypesAvro()
    {
        var invoices = new AvroConverter<SalesInvoice>(
            new MockSchemaRegistryClient("hand-written-invoices"),
            isKey: false
        );
        var payments = new AvroConverter<Shop.Payment>(
            new MockSchemaRegistryClient("hand-written-payments"),
            isKey: false
        );
        for (var n = 0; n < Invoices; n++)
        {
            var i = n;
            Assert.Equal(
                invoices.FromConnectData(SinkTopic, InvoicesSource.InvoiceNumber(i))![5..],
                RegisteredTopic.Framed(0, o => RegisteredInvoices.Write(o, i))[5..]
            );
            Assert.Equal(
                payments.FromConnectData(SinkTopic, KeyChainPipelineTests.PaymentOf(i))![5..],
                RegisteredTopic.Framed(0, o => RegisteredPayments.Write(o, "p-" + i, i))[5..]
            );
        }
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
