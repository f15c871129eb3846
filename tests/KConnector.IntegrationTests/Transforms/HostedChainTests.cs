using KConnector.Avro;
using KConnector.IntegrationTests.Transforms.Shop;
using static KConnector.IntegrationTests.Transforms.ChainJson;

namespace KConnector.IntegrationTests.Transforms;

/// <summary>
/// The compiled chains on the hosted worker's road: the specs of
/// <see cref="CompiledStructurePipelineTests"/> (Flatten + TimestampConverter + SetSchemaMetadata
/// on nested events) and <see cref="KeyChainPipelineTests"/> (ValueToKey + Cast$Key +
/// MaskField$Key, a struct key) registered with their Add{Name}Connector on one .NET host's
/// ConnectWorker write the records their generated chains make, with the same schemas registered.
/// </summary>
public sealed class HostedChainTests
{
    private const int Events = 12;
    private const int Payments = 8;

    [Fact]
    public async Task HostedWorker_WritesTheNestedAndTheKeyChainsRecords()
    {
        await using var bed = await PipelineBed.StartAsync(
            withRegistry: true,
            "order-events",
            "payments-keyrecord"
        );
        var input = await bed.WriteLinesAsync(
            "payments.jsonl",
            Enumerable.Range(0, Payments).Select(RegisteredPayments.Line)
        );
        await HostedRoad.RunUntilAsync(
            services =>
            {
                services.AddOrderEventsFlatConnector(values =>
                {
                    values["bootstrap.servers"] = bed.BootstrapServers;
                    values["value.converter.schema.registry.url"] = bed.RegistryUrl;
                });
                services.AddPaymentsKeyrecordSourceConnector(values =>
                {
                    values["bootstrap.servers"] = bed.BootstrapServers;
                    values["file"] = input;
                    values["key.converter.schema.registry.url"] = bed.RegistryUrl;
                    values["value.converter.schema.registry.url"] = bed.RegistryUrl;
                });
            },
            () =>
                bed.Count("order-events") >= Events && bed.Count("payments-keyrecord") >= Payments,
            "both connectors' records on their topics"
        );

        var sampleEvent = OrderEventsFlatValueChain.Apply(
            "order-events",
            OrderEventsSource.EventNumber(0)
        );
        Assert.Equal(
            Enumerable.Range(0, Events).Select(CompiledStructurePipelineTests.Expected),
            bed.Read("order-events")
                .Select(r =>
                    Normalized(
                        JsonOf(KeyChainPipelineTests.DecodeLike(sampleEvent, r.Message.Value!))
                    )
                )
        );
        Assert.Equal(
            [
                "id",
                "placed",
                "paid_at",
                "customer_name",
                "customer_address_city",
                "customer_address_zip",
            ],
            PipelineBed
                .FieldsOf(await bed.RegisteredSchemaAsync("order-events-value"))
                .Select(f => f[..f.IndexOf(':', StringComparison.Ordinal)])
        );
        var records = bed.Read("payments-keyrecord");
        var sampleKey = PaymentsKeyrecordSourceKeyChain.Apply(
            "payments-keyrecord",
            KeyChainPipelineTests.PaymentOf(0)
        );
        Assert.Equal(
            Enumerable
                .Range(0, Payments)
                .Select(i =>
                    JsonOf(
                        PaymentsKeyrecordSourceKeyChain.Apply(
                            "payments-keyrecord",
                            KeyChainPipelineTests.PaymentOf(i)
                        )
                    )
                ),
            records.Select(r => JsonOf(KeyChainPipelineTests.DecodeLike(sampleKey, r.Message.Key!)))
        );
        Assert.All(
            records,
            r =>
            {
                var reader = new AvroReader(r.Message.Value.AsSpan(5));
                Assert.Equal(string.Empty, Payment.Decode(ref reader).Card);
            }
        );
        Assert.Equal(
            ["id:\"string\"", "cvv:\"string\"", "note:[\"null\",\"string\"]"],
            PipelineBed.FieldsOf(await bed.RegisteredSchemaAsync("payments-keyrecord-key"))
        );
    }

    /// <summary>
    /// A compiled HeaderFrom and compiled stages under predicates on the hosted road:
    /// payments-headers-source registered with its Add{Name}Connector writes the headers the
    /// generated worker writes (HeaderFromPipelineTests): InsertHeader's, then HeaderFrom's, through
    /// the default SimpleHeaderConverter; payments-conditional-source beside it writes the values
    /// ConditionalChainPipelineTests' chain makes on its topic, without the header of its negated
    /// predicate.
    /// </summary>
    [Fact]
    public async Task HostedWorker_WritesACompiledHeaderFromsHeaders_AndStagesUnderPredicates()
    {
        await using var bed = await PipelineBed.StartAsync(
            withRegistry: true,
            "payments-headers",
            "payments-conditional"
        );
        var input = await bed.WriteLinesAsync(
            "payments.jsonl",
            Enumerable.Range(0, Payments).Select(RegisteredPayments.Line)
        );
        await HostedRoad.RunUntilAsync(
            services =>
            {
                services.AddPaymentsHeadersSourceConnector(values =>
                {
                    values["bootstrap.servers"] = bed.BootstrapServers;
                    values["file"] = input;
                    values["value.converter.schema.registry.url"] = bed.RegistryUrl;
                });
                services.AddPaymentsConditionalSourceConnector(values =>
                {
                    values["bootstrap.servers"] = bed.BootstrapServers;
                    values["file"] = input;
                });
            },
            () =>
                bed.Count("payments-headers") >= Payments
                && bed.Count("payments-conditional") >= Payments,
            "both connectors' records on their topics"
        );

        Assert.Equal(
            Enumerable.Range(0, Payments).Select(PaymentChainRecords.HeadersOf),
            bed.Read("payments-headers")
                .Select(r => PaymentChainRecords.HeadersText(r.Message.Headers))
        );
        var conditional = bed.Read("payments-conditional");
        Assert.All(conditional, r => Assert.Empty(r.Message.Headers));
        Assert.Equal(
            Enumerable.Range(0, Payments).Select(PaymentChainRecords.Conditional),
            conditional.Select(r =>
                Normalized(System.Text.Encoding.UTF8.GetString(r.Message.Value!))
            )
        );
    }

    /// <summary>
    /// HeaderFrom on a sink and HeaderFrom$Key on a source on the hosted road: payments-headers-sink
    /// (SinkHeaderFromPipelineTests) writes the schemaless chain's values, and
    /// payments-keyheaders-source (KeyHeaderFromPipelineTests) the keys and headers the generated
    /// worker writes, each registered with its Add{Name}Connector on one host.
    /// </summary>
    [Fact]
    public async Task HostedWorker_RunsASinksHeaderFromAndASourcesHeaderFromKey()
    {
        await using var bed = await PipelineBed.StartAsync(
            withRegistry: true,
            SinkHeaderFromPipelineTests.Topic,
            "payments-keyheaders"
        );
        SinkHeaderFromPipelineTests.Produce(bed);
        var input = await bed.WriteLinesAsync(
            "payments.jsonl",
            Enumerable.Range(0, Payments).Select(RegisteredPayments.Line)
        );
        var output = bed.PathOf("payments-out.jsonl");
        await HostedRoad.RunUntilAsync(
            services =>
            {
                services.AddPaymentsHeadersSinkConnector(values =>
                {
                    values["bootstrap.servers"] = bed.BootstrapServers;
                    values["file"] = output;
                    values["value.converter.schema.registry.url"] = bed.RegistryUrl;
                });
                services.AddPaymentsKeyheadersSourceConnector(values =>
                {
                    values["bootstrap.servers"] = bed.BootstrapServers;
                    values["file"] = input;
                });
            },
            () =>
                PipelineBed.LineCount(output) >= SinkHeaderFromPipelineTests.Records
                && bed.Count("payments-keyheaders") >= Payments,
            "the sink's file and the source's topic written"
        );

        Assert.Equal(
            Enumerable
                .Range(0, SinkHeaderFromPipelineTests.Records)
                .Select(i =>
                    Normalized(SinkHeaderFromPipelineTests.Expected(i).Value!.ToJsonString())
                ),
            (await File.ReadAllLinesAsync(output)).Select(Normalized)
        );
        Assert.Equal(
            Enumerable
                .Range(0, Payments)
                .Select(i =>
                    "p-"
                    + i
                    + ":code="
                    + (100 + i).ToString(System.Globalization.CultureInfo.InvariantCulture)
                    + ",remark="
                    + (i % 2 == 0 ? "n" + i : "(null)")
                ),
            bed.Read("payments-keyheaders")
                .Select(r =>
                    System.Text.Encoding.UTF8.GetString(r.Message.Key!)
                    + ":"
                    + string.Join(
                        ",",
                        HeaderTexts(r.Message.Headers)
                            .Select(h => h.Item1 + "=" + (h.Item2 ?? "(null)"))
                    )
                )
        );
    }
}
