using System.Net;
using System.Net.Sockets;
using KConnector.Converters;
using KConnector.Errors;
using KConnector.Records;
using KConnector.Testing.JsonSchema;
using KConnector.Testing.SchemaRegistry;
using KConnector.Tests.Avro;
using KConnector.Tests.Converters;
using KConnector.Tests.Converters.Protos;

namespace KConnector.Tests.SchemaRegistry;

/// <summary>
/// Issue 20, item 1, for every converter that talks to a registry (Avro, JSON Schema, Protobuf), on
/// both sides: with the registry's URL carrying <c>user:password@</c> and the registry answering an
/// error (or not reachable at all), neither the exception (message and <c>ToString</c>) nor the
/// dead-letter headers made from it show the password; they do show where the request went.
/// </summary>
public sealed class RegistryCredentialsTests : IAsyncLifetime
{
    private const string Secret = "s3cret-in-url";
    private SchemaRegistryTestServer _server = null!;

    public async Task InitializeAsync() => _server = await SchemaRegistryTestServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var converter in new[] { "avro", "jsonschema", "protobuf" })
        {
            data.Add(converter, "answers 400");
            data.Add(converter, "unreachable");
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void NoExceptionOrDeadLetterHeader_ShowsThePasswordOfTheRegistryUrl(
        string converter,
        string registry
    )
    {
        var url = registry == "unreachable" ? $"http://127.0.0.1:{ClosedPort()}" : _server.Url;
        _server.FailNext(100, 400);
        var config = new Dictionary<string, string>
        {
            ["value.converter.schema.registry.url"] = url.Replace(
                "http://",
                $"http://connect:{Secret}@",
                StringComparison.Ordinal
            ),
            ["value.converter.schema.registry.max.retries"] = "0",
        };
        var errors = new List<Exception>
        {
            Assert.ThrowsAny<Exception>(() => Write(converter, config)),
            Assert.ThrowsAny<Exception>(() => Read(converter, config)),
        };

        foreach (var error in errors)
        {
            var headers = new List<RecordHeader>();
            DeadLetterQueueHeaders.AddTo(
                headers,
                new ErrorContext(
                    new ErrantRecord { Topic = "orders" },
                    Stage.VALUE_CONVERTER,
                    typeof(RegistryCredentialsTests),
                    error
                ),
                "connector",
                0
            );
            var shown = string.Join(
                "\n",
                headers.Select(h => System.Text.Encoding.UTF8.GetString(h.Value.Bytes!))
            );
            Assert.DoesNotContain(Secret, error.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain(Secret, shown, StringComparison.Ordinal);
            Assert.Contains(
                "http://[hidden]@127.0.0.1:",
                error.ToString(),
                StringComparison.Ordinal
            );
        }
    }

    private static void Write(string converter, Dictionary<string, string> config)
    {
        switch (converter)
        {
            case "avro":
                Build(
                        config,
                        "io.confluent.connect.avro.AvroConverter",
                        ConverterFormats.AvroRecord<GoldenOrder>()
                    )
                    .FromConnectData(
                        "orders",
                        new GoldenOrder
                        {
                            OrderId = "o",
                            CustomerId = 1,
                            Quantity = 1,
                            UnitPrice = 1,
                            Express = false,
                            Weight = 1,
                            Signature = [],
                        }
                    );
                break;
            case "jsonschema":
                Build(
                        config,
                        "io.confluent.connect.json.JsonSchemaConverter",
                        ConverterFormats.JsonSchemaRecord<JsonSchemaCustomer>()
                    )
                    .FromConnectData("orders", new JsonSchemaCustomer { Id = "c", Age = 1 });
                break;
            default:
                Build(
                        config,
                        "io.confluent.connect.protobuf.ProtobufConverter",
                        ConverterFormats.ProtobufMessage<Customer>(ProtoFiles.Shop)
                    )
                    .FromConnectData("orders", new Customer { Id = "c" });
                break;
        }
    }

    // Bytes in the wire format with a schema id the registry is asked for.
    private static void Read(string converter, Dictionary<string, string> config)
    {
        byte[] framed = [0, 0, 0, 0, 42, 0, 2, 0];
        _ = converter switch
        {
            "avro" => Build(
                    config,
                    "io.confluent.connect.avro.AvroConverter",
                    ConverterFormats.AvroRecord<GoldenOrder>()
                )
                .ToConnectData("orders", framed) as object,
            "jsonschema" => Build(
                    config,
                    "io.confluent.connect.json.JsonSchemaConverter",
                    ConverterFormats.JsonSchemaRecord<JsonSchemaCustomer>()
                )
                .ToConnectData("orders", framed),
            _ => Build(
                    config,
                    "io.confluent.connect.protobuf.ProtobufConverter",
                    ConverterFormats.ProtobufMessage<Customer>(ProtoFiles.Shop)
                )
                .ToConnectData("orders", framed),
        };
    }

    private static IConverter<T> Build<T>(
        Dictionary<string, string> config,
        string className,
        ConverterFormats<T> formats
    )
    {
        var worker = new Dictionary<string, string>(config) { ["value.converter"] = className };
        return ConverterFactory.FromWorkerConfig(worker, isKey: false, formats);
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
