using System.Net.Http.Json;
using System.Text.Json.Nodes;
using KConnector.Kafka;
using KConnector.Testing.SchemaRegistry;
using KConnector.Testing.SpecRecords;

namespace KConnector.Cli.Tests.Transforms;

/// <summary>
/// Primitive keys and values a compiled chain makes, through <c>kconnector run</c> of the spec the
/// IntegrationTests' PrimitiveChainPipelineTests run as a generated worker
/// (payments-amount-source: ValueToKey + ExtractField$Key of the int cvv, ExtractField$Value of the
/// double amount + a whole-value Cast to int64): the AvroConverter registers <c>"int"</c> under
/// <c>{topic}-key</c> and <c>"long"</c> under <c>{topic}-value</c>, and writes the primitives.
/// </summary>
public sealed class PrimitiveChainRunTests : IDisposable
{
    private const int Lines = 8;
    private readonly SpecFolder _folder = new();

    [Fact]
    public async Task ExtractFieldAndWholeValueCast_PrimitivesAndTheirSchemasAreRegistered()
    {
        await using var registry = await SchemaRegistryTestServer.StartAsync();
        var records = await StandaloneRoad.RunPaymentsSpecAsync(
            _folder,
            "payments-amount-source.connector.json",
            "payments-amount",
            Lines,
            "key.converter.schema.registry.url=" + registry.Url,
            "value.converter.schema.registry.url=" + registry.Url
        );

        Assert.Equal(
            Enumerable.Range(0, Lines).Select(i => (100L + i, (long)i)),
            records.Select(r =>
                (PaymentChainRecords.AvroLong(r.Key!), PaymentChainRecords.AvroLong(r.Value!))
            )
        );
        using var http = new HttpClient();
        foreach (var (subject, schema) in new[] { ("key", "\"int\""), ("value", "\"long\"") })
        {
            var registered = await http.GetFromJsonAsync<JsonObject>(
                registry.Url + "/subjects/payments-amount-" + subject + "/versions/latest"
            );
            Assert.Equal(schema, registered!["schema"]!.GetValue<string>());
        }
    }

    public void Dispose() => _folder.Dispose();
}
