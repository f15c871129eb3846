using System.Text;
using KConnector.Converters;
using KConnector.Testing.SchemaRegistry;
using KConnector.Tests.Avro;

namespace KConnector.Tests.SchemaRegistry;

/// <summary>Converters built from worker config against the Kestrel registry: what a deployed worker does.</summary>
public sealed class ConvertersOverRestRegistryTests : IAsyncLifetime
{
    private SchemaRegistryTestServer _server = null!;

    public async Task InitializeAsync() => _server = await SchemaRegistryTestServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private static GoldenOrder Order(int i) =>
        new()
        {
            OrderId = "O-" + i,
            CustomerId = i,
            Quantity = 1,
            UnitPrice = 1,
            Express = false,
            Weight = 1,
            Signature = [],
        };

    [Fact]
    public void SteadyState_SendsOneRequestPerSideForManyRecords_WithTheConfiguredAuth()
    {
        var expected = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("connect:pw"));
        _server.RequiredAuthorization = expected;
        var worker = new Dictionary<string, string>
        {
            ["value.converter"] = "io.confluent.connect.avro.AvroConverter",
            ["value.converter.schema.registry.url"] = _server.Url,
            ["value.converter.basic.auth.credentials.source"] = "USER_INFO",
            ["value.converter.basic.auth.user.info"] = "connect:pw",
        };
        var source = ConverterFactory.FromWorkerConfig(
            worker,
            false,
            ConverterFormats.AvroRecord<GoldenOrder>()
        );
        var sink = ConverterFactory.FromWorkerConfig(
            worker,
            false,
            ConverterFormats.AvroRecord<GoldenOrder>()
        );

        var records = Enumerable
            .Range(0, 200)
            .Select(i => source.FromConnectData("orders", Order(i)))
            .ToList();
        var read = records.Select(r => sink.ToConnectData("orders", r)!).ToList();

        Assert.Equal(Enumerable.Range(0, 200).Select(i => "O-" + i), read.Select(o => o.OrderId));
        Assert.Equal(
            ["POST /subjects/orders-value/versions", "GET /schemas/ids/1"],
            _server.Requests.Select(r => r.Method + " " + r.Path)
        );
        Assert.All(_server.Requests, r => Assert.Equal(expected, r.Authorization));
    }

    [Fact]
    public async Task IncompatibleSchema_SurfacesAsADataException_NamingSubjectTopicAndTheRegistrysMessage()
    {
        var worker = new Dictionary<string, string>
        {
            ["value.converter"] = "io.confluent.connect.avro.AvroConverter",
            ["value.converter.schema.registry.url"] = _server.Url,
        };
        using (
            var other = new KConnector.SchemaRegistry.CachedSchemaRegistryClient(
                new Dictionary<string, string> { ["schema.registry.url"] = _server.Url }
            )
        )
        {
            await other.RegisterSchemaAsync("orders-value", "\"string\"", default);
        }
        _server.IncompatibleSubjects["orders-value"] = true;
        var source = ConverterFactory.FromWorkerConfig(
            worker,
            false,
            ConverterFormats.AvroRecord<GoldenOrder>()
        );

        var error = Assert.Throws<DataException>(() => source.FromConnectData("orders", Order(1)));

        Assert.Contains("subject 'orders-value' for topic 'orders'", error.Message);
        Assert.Contains("409", error.Message);
        Assert.Contains("incompatible with an earlier schema", error.Message);
    }
}
