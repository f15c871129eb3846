using System.Text;
using KConnector.Converters;
using KConnector.SchemaRegistry;
using KConnector.Testing.JsonSchema;
using KConnector.Tests.Avro;
using KConnector.Tests.Converters.Protos;

namespace KConnector.Tests.Converters;

/// <summary>
/// Issue 20, item 8: whatever bytes a converter is given (random, a valid record with bytes flipped
/// or cut short, JSON with invalid UTF-8), it either reads them or throws a
/// <see cref="DataException"/> that names the topic: never an <see cref="InvalidOperationException"/>,
/// an <see cref="Avro.AvroDecodeException"/>, an <see cref="IndexOutOfRangeException"/> or a bare
/// <see cref="SchemaRegistryException"/>. Seeded, so a failure replays.
/// </summary>
public sealed class ConverterFuzzTests
{
    private const string Topic = "fuzzed-topic";
    private const int CasesPerFamily = 1500;

    public static TheoryData<string> Converters() =>
        ["avro", "jsonschema", "protobuf", "json-envelope", "json-plain", "string"];

    [Theory]
    [MemberData(nameof(Converters))]
    public void AnyBytes_AreReadOrADataExceptionNamingTheTopic(string name)
    {
        var (reader, valid) = Create(name);
        var random = new Random(20_2026 + name.Length);
        var failures = 0;
        foreach (var input in Inputs(random, valid))
        {
            try
            {
                reader(input);
            }
            catch (Exception e)
            {
                failures++;
                Assert.True(
                    e is DataException && e.Message.Contains(Topic, StringComparison.Ordinal),
                    $"{name}: {Convert.ToHexString(input)} threw {e}"
                );
            }
        }
        // The inputs did reach the error paths.
        Assert.True(failures > CasesPerFamily, $"{name}: only {failures} inputs failed");
    }

    // Random bytes; the valid record with one to three bytes changed; the valid record cut short;
    // and the valid record with an invalid UTF-8 sequence (FF, C3 28, ED A0 80) put in.
    private static IEnumerable<byte[]> Inputs(Random random, byte[] valid)
    {
        byte[][] invalidUtf8 =
        [
            [0xFF],
            [0xC3, 0x28],
            [0xED, 0xA0, 0x80],
        ];
        for (var i = 0; i < CasesPerFamily; i++)
        {
            var bytes = new byte[random.Next(0, 64)];
            random.NextBytes(bytes);
            yield return bytes;

            var flipped = (byte[])valid.Clone();
            for (var n = random.Next(1, 4); n > 0; n--)
            {
                flipped[random.Next(flipped.Length)] = (byte)random.Next(256);
            }
            yield return flipped;

            yield return valid[..random.Next(valid.Length)];

            var at = random.Next(5, valid.Length);
            yield return [.. valid[..at], .. invalidUtf8[i % 3], .. valid[at..]];
        }
    }

    private static (Action<byte[]> Read, byte[] Valid) Create(string name)
    {
        var scope = Guid.NewGuid().ToString();
        var worker = new Dictionary<string, string>
        {
            ["value.converter.schema.registry.url"] = "mock://" + scope,
        };
        switch (name)
        {
            case "avro":
            {
                worker["value.converter"] = "io.confluent.connect.avro.AvroConverter";
                var c = ConverterFactory.FromWorkerConfig(
                    worker,
                    false,
                    ConverterFormats.AvroRecord<GoldenOrder>()
                );
                return (b => c.ToConnectData(Topic, b), c.FromConnectData(Topic, Order())!);
            }
            case "jsonschema":
            {
                worker["value.converter"] = "io.confluent.connect.json.JsonSchemaConverter";
                var c = ConverterFactory.FromWorkerConfig(
                    worker,
                    false,
                    ConverterFormats.JsonSchemaRecord<JsonSchemaCustomer>()
                );
                return (
                    b => c.ToConnectData(Topic, b),
                    c.FromConnectData(
                        Topic,
                        new JsonSchemaCustomer { Id = "customer-1", Age = 42 }
                    )!
                );
            }
            case "protobuf":
            {
                worker["value.converter"] = "io.confluent.connect.protobuf.ProtobufConverter";
                var c = ConverterFactory.FromWorkerConfig(
                    worker,
                    false,
                    ConverterFormats.ProtobufMessage<Customer>(ProtoFiles.Shop)
                );
                return (
                    b => c.ToConnectData(Topic, b),
                    c.FromConnectData(Topic, new Customer { Id = "customer-1" })!
                );
            }
            case "string":
            {
                worker["value.converter"] = "org.apache.kafka.connect.storage.StringConverter";
                var c = ConverterFactory.FromWorkerConfig(
                    worker,
                    false,
                    ConverterFormats.None<string>()
                );
                return (
                    b => c.ToConnectData(Topic, b),
                    Encoding.UTF8.GetBytes("a plain string value")
                );
            }
            default:
            {
                worker["value.converter"] = "org.apache.kafka.connect.json.JsonConverter";
                worker["value.converter.schemas.enable"] =
                    name == "json-envelope" ? "true" : "false";
                var c = ConverterFactory.FromWorkerConfig(
                    worker,
                    false,
                    ConverterFormats.AvroRecord<GoldenOrder>()
                );
                return (b => c.ToConnectData(Topic, b), c.FromConnectData(Topic, Order())!);
            }
        }
    }

    private static GoldenOrder Order() =>
        new()
        {
            OrderId = "order-0001",
            CustomerId = 42,
            Quantity = 3,
            UnitPrice = 9.5,
            Express = true,
            Weight = 1.25f,
            Signature = [1, 2, 3],
        };
}
