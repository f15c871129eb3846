using System.Text.Json;
using KConnector.Converters;
using KConnector.Interop;
using KConnector.SchemaRegistry;
using KConnector.Testing.JsonSchema;
using KConnector.Tests.Converters.Protos;

namespace KConnector.Interop.Tests;

/// <summary>
/// One exchange with Confluent's JavaScript serdes, shared by the interop tests: KConnector
/// registers and serializes a Payment (Avro), an Order and an Order.Line (Protobuf, indexes [1] and
/// [1, 0]) and a Customer (JSON Schema) into a fresh mock:// scope (ids 1, 2, 3); node registers the
/// same schemas in the same order in its in-memory client, reads those bytes, and writes its own.
/// </summary>
public sealed class InteropRun : IAsyncLifetime
{
    public static readonly Payment OurPayment = new()
    {
        Id = "p-dotnet",
        AmountCents = 9_007_199_254_740_000,
        Attempts = -2,
        Rate = 1.5,
        Captured = false,
        Token = [0, 1, 254, 255],
        Memo = null,
    };

    public static readonly Order OurOrder = new()
    {
        Id = "o-dotnet",
        Quantity = 3,
        Price = 4.25,
        Customer = new Customer { Id = "c-dotnet", Name = "Ada" },
        Lines =
        {
            new Order.Types.Line { Sku = "a", Count = 1 },
            new Order.Types.Line { Sku = "b", Count = 2 },
        },
    };

    public static readonly Order.Types.Line OurLine = new() { Sku = "only-a-line", Count = 9 };

    public static readonly JsonSchemaCustomer OurCustomer = new()
    {
        Id = "c-dotnet",
        Age = 41,
        Email = "ada@example.com",
    };

    public string Scope { get; } = "interop-" + Guid.NewGuid().ToString("N");

    public JsonElement Output { get; private set; }

    public AvroConverter<Payment> Avro { get; private set; } = null!;

    public ProtobufConverter<Order> Orders { get; private set; } = null!;

    public ProtobufConverter<Order.Types.Line> Lines { get; private set; } = null!;

    public JsonSchemaConverter<JsonSchemaCustomer> Customers { get; private set; } = null!;

    public IReadOnlyList<int> OurIds { get; private set; } = [];

    public async Task InitializeAsync()
    {
        var registry = new MockSchemaRegistryClient(Scope);
        var config = ConverterConfig.ForMockRegistry(Scope, isKey: false);
        Avro = new AvroConverter<Payment>(registry, config);
        Orders = new ProtobufConverter<Order>(registry, config, ProtoFiles.Shop);
        Lines = new ProtobufConverter<Order.Types.Line>(registry, config, ProtoFiles.Shop);
        Customers = new JsonSchemaConverter<JsonSchemaCustomer>(registry, config);

        // Registration order fixes the ids: Avro 1, Protobuf 2 (also for lines-value), JSON Schema 3.
        var avro = Avro.FromConnectData("payments", OurPayment)!;
        var order = Orders.FromConnectData("orders", OurOrder)!;
        var line = Lines.FromConnectData("lines", OurLine)!;
        var customer = Customers.FromConnectData("customers", OurCustomer)!;
        var invalid = customer[..5]
            .Concat("""{"id":"c","age":-3,"email":null}"""u8.ToArray())
            .ToArray();
        OurIds =
        [
            (await registry.GetLatestSchemaAsync("payments-value", default)).Id,
            (await registry.GetLatestSchemaAsync("orders-value", default)).Id,
            (await registry.GetLatestSchemaAsync("customers-value", default)).Id,
        ];

        var dir = await NodeModules.InstallAsync();
        var input = Path.Combine(dir, $"in-{Scope}.json");
        var output = Path.Combine(dir, $"out-{Scope}.json");
        await File.WriteAllTextAsync(
            input,
            JsonSerializer.Serialize(
                new Dictionary<string, string>
                {
                    ["avroSchema"] = Payment.AvroSchemaJson,
                    ["protoDescriptor"] = Convert.ToBase64String(
                        Order.Descriptor.File.SerializedData.ToByteArray()
                    ),
                    ["jsonSchema"] = JsonSchemaCustomer.JsonSchemaText,
                    ["avro"] = Convert.ToBase64String(avro),
                    ["protobuf"] = Convert.ToBase64String(order),
                    ["line"] = Convert.ToBase64String(line),
                    ["json"] = Convert.ToBase64String(customer),
                    ["invalidJson"] = Convert.ToBase64String(invalid),
                }
            )
        );
        await NodeProcess.RunAsync(
            "node",
            $"interop.mjs \"{input}\" \"{output}\"",
            dir,
            TimeSpan.FromMinutes(2)
        );
        using var doc = JsonDocument.Parse(await File.ReadAllTextAsync(output));
        Output = doc.RootElement.Clone();
    }

    public Task DisposeAsync()
    {
        MockSchemaRegistryClient.DropScope(Scope);
        return Task.CompletedTask;
    }

    public byte[] Written(string name) =>
        Convert.FromBase64String(Output.GetProperty("written").GetProperty(name).GetString()!);

    public JsonElement Read(string name) => Output.GetProperty("read").GetProperty(name);
}
