using System.Net.Http.Json;
using System.Text.Json.Nodes;
using KConnector.Testing.SchemaRegistry;
using KConnector.Testing.SpecRecords;

namespace KConnector.Cli.Tests.Transforms;

/// <summary>
/// A nested record made by a compiled chain, through <c>kconnector run</c> of the very spec the
/// IntegrationTests' HoistedChainPipelineTests run as a generated worker
/// (payments-hoisted-source.connector.json: MaskField$Value, HoistField$Value into
/// <c>payment</c>, SetSchemaMetadata$Value PaymentEnvelope): the topic holds the records the
/// generated worker writes, and the registry the same nested schema. (A file source cannot read
/// nested values, KCN0242, so Flatten of nested input runs on an attribute source: the generated
/// and hosted roads, CompiledStructurePipelineTests and HostedChainTests.)
/// </summary>
public sealed class HoistedChainRunTests : IDisposable
{
    private const int Lines = 8;
    private readonly SpecFolder _folder = new();

    [Fact]
    public async Task FileSourceHoistedIntoANamedEnvelope_NestedRecordsAndSchema()
    {
        await using var registry = await SchemaRegistryTestServer.StartAsync();
        var records = await StandaloneRoad.RunPaymentsSpecAsync(
            _folder,
            "payments-hoisted-source.connector.json",
            "payments-hoisted",
            Lines,
            "value.converter.schema.registry.url=" + registry.Url
        );

        Assert.Equal(
            Enumerable.Range(0, Lines).Select(PaymentChainRecords.Hoisted),
            records.Select(r => PaymentChainRecords.EnvelopeJson(r.Value!))
        );
        using var http = new HttpClient();
        var registered = await http.GetFromJsonAsync<JsonObject>(
            registry.Url + "/subjects/payments-hoisted-value/versions/latest"
        );
        var schema = JsonNode.Parse(registered!["schema"]!.GetValue<string>())!;
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
            payment["type"]!["fields"]!
                .AsArray()
                .Select(f => f!["name"]!.GetValue<string>() + ":" + f["type"]!.ToJsonString())
        );
    }

    public void Dispose() => _folder.Dispose();
}
