using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using KConnector.Avro;
using KConnector.Kafka;
using KConnector.Testing.SchemaRegistry;
using KConnector.Testing.SpecRecords;

namespace KConnector.Cli.Tests.Transforms;

/// <summary>
/// Keys compiled on a source, through <c>kconnector run</c> of the very specs the IntegrationTests'
/// KeyChainPipelineTests run as generated workers: Connect's "key from a value field"
/// (payments-keyed-source: ValueToKey, ReplaceField$Key, ExtractField$Key) and a struct key
/// (payments-keyrecord-source: ValueToKey, Cast$Key, MaskField$Key, Avro key converter). The
/// topic holds the keys and values the generated worker writes, and the registry the key's
/// derived schema.
/// </summary>
public sealed class KeyChainRunTests : IDisposable
{
    private const int Lines = 8;
    private readonly SpecFolder _folder = new();

    [Fact]
    public async Task ValueToKeyThenExtractField_EachRecordsKeyIsItsPaymentId()
    {
        var records = await StandaloneRoad.RunPaymentsSpecAsync(
            _folder,
            "payments-keyed-source.connector.json",
            "payments-keyed",
            Lines
        );

        Assert.Equal(
            Enumerable.Range(0, Lines).Select(i => "p-" + i),
            records.Select(r => Encoding.UTF8.GetString(r.Key!))
        );
        // Only key stages compiled: the value is the task's, unchanged.
        Assert.Equal(
            Enumerable.Range(0, Lines).Select(i => "4111-" + i),
            records.Select(r => CardOf(r.Value!))
        );
    }

    [Fact]
    public async Task ValueToKeyWithKeyStages_KeyRecordsAndTheirDerivedSchemaAreRegistered()
    {
        await using var registry = await SchemaRegistryTestServer.StartAsync();
        var records = await StandaloneRoad.RunPaymentsSpecAsync(
            _folder,
            "payments-keyrecord-source.connector.json",
            "payments-keyrecord",
            Lines,
            "key.converter.schema.registry.url=" + registry.Url,
            "value.converter.schema.registry.url=" + registry.Url
        );

        foreach (var (record, i) in records.Select((r, i) => (r, i)))
        {
            var (key, value) = (record.Key, record.Value);
            Assert.Equal(PaymentChainRecords.KeyRecord(i), PaymentChainRecords.KeyRecordJson(key!));
            Assert.Equal(string.Empty, CardOf(value!));
        }
        using var http = new HttpClient();
        var registered = await http.GetFromJsonAsync<JsonObject>(
            registry.Url + "/subjects/payments-keyrecord-key/versions/latest"
        );
        var schema = JsonNode.Parse(registered!["schema"]!.GetValue<string>())!;
        Assert.Equal("io.confluent.connect.avro", schema["namespace"]!.GetValue<string>());
        Assert.Equal("ConnectDefault", schema["name"]!.GetValue<string>());
        Assert.Equal(
            ["id:\"string\"", "cvv:\"string\"", "note:[\"null\",\"string\"]"],
            schema["fields"]!
                .AsArray()
                .Select(f => f!["name"]!.GetValue<string>() + ":" + f["type"]!.ToJsonString())
        );
    }

    public void Dispose() => _folder.Dispose();

    // A payment.avsc value in Confluent's framing (magic byte, 4-byte schema id): its card.
    private static string CardOf(byte[] value)
    {
        var reader = new AvroReader(value.AsSpan(5));
        _ = reader.ReadString("id");
        _ = reader.ReadDouble("amount");
        return reader.ReadString("card");
    }
}
