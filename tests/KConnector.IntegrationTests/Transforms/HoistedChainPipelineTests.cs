using KConnector.IntegrationTests.Specs;
using static KConnector.IntegrationTests.Transforms.ChainJson;

namespace KConnector.IntegrationTests.Transforms;

/// <summary>
/// A nested record made by a compiled chain on a file source, through the road a spec takes
/// (generated config and worker): payments-hoisted-source.connector.json masks the card, hoists
/// the payment into the field <c>payment</c> and names the outer record PaymentEnvelope; the
/// registry holds the nested schema. The same spec runs through <c>kconnector run</c>
/// (tests/KConnector.Cli.Tests HoistedChainRunTests) and POST /connectors
/// (tests/KConnector.Rest.Tests CompiledChainsOverRestTests), held to these records.
/// </summary>
public sealed class HoistedChainPipelineTests
{
    private const int Lines = 8;

    [Fact]
    public async Task FileSourceHoistedIntoANamedEnvelope_NestedRecordsAndSchema()
    {
        await using var bed = await PipelineBed.StartAsync(withRegistry: true, "payments-hoisted");
        var input = await bed.WriteLinesAsync(
            "payments.jsonl",
            Enumerable.Range(0, Lines).Select(RegisteredPayments.Line)
        );
        var source = new PaymentsHoistedSourceWorker(
            PaymentsHoistedSourceConfig.Parse(
                bed.Config(
                    PaymentsHoistedSourceConfig.SpecValues,
                    ("file", input),
                    ("value.converter.schema.registry.url", bed.RegistryUrl)
                )
            ),
            bed.Environment
        );
        await WorkerRuns.RunUntilAsync([source], () => source.RecordsProcessed >= Lines);

        var sample = PaymentsHoistedSourceValueChain.Apply(
            "payments-hoisted",
            KeyChainPipelineTests.PaymentOf(0)
        );
        Assert.Equal(
            Enumerable.Range(0, Lines).Select(PaymentChainRecords.Hoisted),
            bed.Read("payments-hoisted")
                .Select(r =>
                    Normalized(JsonOf(KeyChainPipelineTests.DecodeLike(sample, r.Message.Value!)))
                )
        );
        var schema = await bed.RegisteredSchemaAsync("payments-hoisted-value");
        Assert.Equal(
            "KConnector.IntegrationTests.Transforms.Shop",
            schema["namespace"]!.GetValue<string>()
        );
        Assert.Equal("PaymentEnvelope", schema["name"]!.GetValue<string>());
        var payment = schema["fields"]![0]!;
        Assert.Equal("payment", payment["name"]!.GetValue<string>());
        Assert.Equal("Payment", payment["type"]!["name"]!.GetValue<string>());
        Assert.Equal(
            [
                "id:\"string\"",
                "amount:\"double\"",
                "card:\"string\"",
                "cvv:\"int\"",
                "note:[\"null\",\"string\"]",
            ],
            PipelineBed.FieldsOf(payment["type"]!)
        );
    }
}
