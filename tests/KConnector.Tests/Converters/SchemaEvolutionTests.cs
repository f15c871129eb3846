using System.Buffers;
using KConnector.Avro;
using KConnector.Converters;
using KConnector.SchemaRegistry;
using V2 = KConnector.Tests.Converters.Evolution.V2;

namespace KConnector.Tests.Converters;

/// <summary>
/// A sink generated from customer-v2.avsc reads records that a producer wrote with
/// customer-v1.avsc: the writer schema is fetched from the registry by id and resolved into the
/// v2 type (Avro specification, "Schema Resolution": the added field takes its default).
/// </summary>
public class SchemaEvolutionTests
{
    private static readonly string V1Schema = ReadResource("customer-v1.avsc");

    [Fact]
    public async Task V2Reader_ReadsRecordsWrittenWithV1_TakingTheNewFieldsDefault()
    {
        var scope = Guid.NewGuid().ToString();
        var registry = new MockSchemaRegistryClient(scope);
        var v1Id = await registry.RegisterSchemaAsync(
            "customers-value",
            V1Schema,
            CancellationToken.None
        );
        var reader = new AvroConverter<V2.Customer>(
            registry,
            ConverterConfig.ForMockRegistry(scope, false)
        );

        var decoded = reader.ToConnectData("customers", WrittenWithV1(v1Id, "c1", "Ada"));

        Assert.NotNull(decoded);
        Assert.Equal("c1", decoded.Id);
        Assert.Equal("Ada", decoded.Name);
        Assert.Null(decoded.Email);
    }

    [Fact]
    public async Task V2Reader_ReadsV1AndV2RecordsOfTheSameTopic()
    {
        var scope = Guid.NewGuid().ToString();
        var registry = new MockSchemaRegistryClient(scope);
        var v1Id = await registry.RegisterSchemaAsync(
            "customers-value",
            V1Schema,
            CancellationToken.None
        );
        var converter = new AvroConverter<V2.Customer>(
            registry,
            ConverterConfig.ForMockRegistry(scope, false)
        );
        var v2Bytes = converter.FromConnectData(
            "customers",
            new V2.Customer
            {
                Id = "c2",
                Name = "Grace",
                Email = "g@example.com",
            }
        );

        var fromV1 = converter.ToConnectData("customers", WrittenWithV1(v1Id, "c1", "Ada"));
        var fromV2 = converter.ToConnectData("customers", v2Bytes);

        Assert.Equal(("c1", (string?)null), (fromV1!.Id, fromV1.Email));
        Assert.Equal(("c2", "g@example.com"), (fromV2!.Id, fromV2.Email));
        Assert.NotEqual(
            v1Id,
            System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(v2Bytes.AsSpan(1, 4))
        );
    }

    [Fact]
    public async Task IncompatibleWriterSchema_IsAClearConverterError()
    {
        var scope = Guid.NewGuid().ToString();
        var registry = new MockSchemaRegistryClient(scope);
        // "name" is a long here: v2 reads it as a string, and long does not promote to string.
        var id = await registry.RegisterSchemaAsync(
            "customers-value",
            """{"type":"record","name":"Customer","namespace":"shop.crm","fields":[{"name":"id","type":"string"},{"name":"name","type":"long"}]}""",
            CancellationToken.None
        );
        var converter = new AvroConverter<V2.Customer>(
            registry,
            ConverterConfig.ForMockRegistry(scope, false)
        );

        var error = Assert.Throws<DataException>(() =>
            converter.ToConnectData("customers", [0, 0, 0, 0, (byte)id, 2, 0x61, 2])
        );

        Assert.Contains($"schema id {id}", error.Message, StringComparison.Ordinal);
        Assert.Contains("name", error.Message, StringComparison.Ordinal);
    }

    private static byte[] WrittenWithV1(int schemaId, string id, string name)
    {
        // What a v1 producer writes: Confluent's header, then v1's fields in order.
        var buffer = new ArrayBufferWriter<byte>();
        ConfluentWireFormat.WriteHeader(buffer, schemaId);
        var writer = new AvroWriter(buffer);
        writer.WriteString(id);
        writer.WriteString(name);
        return buffer.WrittenSpan.ToArray();
    }

    private static string ReadResource(string name)
    {
        using var stream = typeof(SchemaEvolutionTests).Assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
