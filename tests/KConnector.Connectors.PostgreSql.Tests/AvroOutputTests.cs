using Avro.Generic;
using Avro.IO;
using Confluent.Kafka;
using Confluent.SchemaRegistry;
using Confluent.SchemaRegistry.Serdes;
using KConnector.Kafka;
using KConnector.Testing.SchemaRegistry;

namespace KConnector.Connectors.PostgreSql.Tests;

/// <summary>
/// Specs/orders-avro-cdc.connector.json names io.confluent.connect.avro.AvroConverter as Debezium's
/// users do: each table's envelope schema goes to the (Kestrel) Schema Registry under
/// &lt;topic&gt;-value, the values are in Confluent's wire format, and Confluent's own Avro
/// deserializer reads before, after, op and source; an added column registers a new version
/// that reads the older events too (the new field's default is null).
/// </summary>
[Collection(LogicalPostgreSqlCollection.Name)]
public sealed class AvroOutputTests(LogicalPostgreSql fixture)
{
    private const string Topic = "shop.public.avro_orders";
    private const string Subject = Topic + "-value";

    [Fact]
    public async Task AvroConverter_RegistersTheEnvelope_AndAnAddedColumnAsANewVersion()
    {
        var server = fixture.Server;
        await server.ExecuteAsync(
            "CREATE TABLE avro_orders (id int PRIMARY KEY, item text NOT NULL, price numeric(10,2), placed date, tags text[]);"
                + "ALTER TABLE avro_orders REPLICA IDENTITY FULL;"
                + "INSERT INTO avro_orders VALUES (1, 'book', 9.50, '2024-03-01', '{a,b}')"
        );
        await using var registry = await SchemaRegistryTestServer.StartAsync();
        using var kafka = EmbeddedKafka.Start(brokerCount: 1, initialRebalanceDelay: TimeSpan.Zero);
        kafka.CreateTopic(Topic, partitions: 1);
        await RunWorkerAsync(
            kafka,
            registry,
            async processed =>
            {
                if (processed == 1)
                {
                    await server.ExecuteAsync(
                        "UPDATE avro_orders SET price = 12.25 WHERE id = 1;"
                            + "ALTER TABLE avro_orders ADD COLUMN note text;"
                            + "INSERT INTO avro_orders VALUES (2, 'pen', 1.00, NULL, NULL, 'gift')"
                    );
                }
                return processed >= 3;
            }
        );

        using var client = new CachedSchemaRegistryClient(
            new SchemaRegistryConfig { Url = registry.Url }
        );
        var events = await ReadTopicAsync(kafka, client, 3);
        Assert.Equal(["r", "u", "c"], events.Select(e => (string)e["op"]));
        var read = (GenericRecord)events[0]["after"];
        Assert.Equal("book", read["item"]);
        Assert.Equal(19783, read["placed"]); // days since the epoch: io.debezium.time.Date
        Assert.Equal(["a", "b"], ((object[])read["tags"]).Cast<string>());
        Assert.Equal("9.50", read["price"].ToString());
        var update = events[1];
        Assert.Equal("9.50", ((GenericRecord)update["before"])["price"].ToString());
        Assert.Equal("12.25", ((GenericRecord)update["after"])["price"].ToString());
        var source = (GenericRecord)update["source"];
        Assert.Equal("avro_orders", source["table"]);
        Assert.Equal("public", source["schema"]);
        Assert.Equal("postgresql", source["connector"]);
        Assert.Equal("false", source["snapshot"]);
        Assert.NotNull(source["txId"]);
        Assert.Equal("last", ((GenericRecord)events[0]["source"])["snapshot"]);
        var inserted = (GenericRecord)events[2]["after"];
        Assert.Equal("gift", inserted["note"]);
        Assert.Null(events[2]["before"]);
        Assert.Null(inserted["placed"]);

        Assert.Equal([1, 2], await client.GetSubjectVersionsAsync(Subject));
        var first = await client.GetRegisteredSchemaAsync(Subject, 1);
        var second = await client.GetRegisteredSchemaAsync(Subject, 2);
        Assert.DoesNotContain("\"note\"", first.SchemaString, StringComparison.Ordinal);
        Assert.Equal("Envelope", global::Avro.Schema.Parse(second.SchemaString).Name);
        // The new version reads an event written with the first: note takes its default, null.
        var old = ReadWith(events[0].Raw, first.SchemaString, second.SchemaString);
        Assert.Equal("book", ((GenericRecord)old["after"])["item"]);
        Assert.Null(((GenericRecord)old["after"])["note"]);
    }

    private Task RunWorkerAsync(
        EmbeddedKafka kafka,
        SchemaRegistryTestServer registry,
        Func<long, Task<bool>> step
    ) =>
        CdcSpecWorkerRun.RunAsync(
            fixture,
            registry,
            "orders_avro_cdc",
            environment => new OrdersAvroCdcWorker(
                OrdersAvroCdcConfig.Parse(
                    new Dictionary<string, string?>(OrdersAvroCdcConfig.SpecValues)
                    {
                        ["bootstrap.servers"] = kafka.BootstrapServers,
                    }
                ),
                environment
            ),
            step
        );

    private static async Task<List<Decoded>> ReadTopicAsync(
        EmbeddedKafka kafka,
        ISchemaRegistryClient registry,
        int count
    )
    {
        var deserializer = new AvroDeserializer<GenericRecord>(registry);
        using var consumer = new ConsumerBuilder<byte[]?, byte[]?>(
            new ConsumerConfig
            {
                BootstrapServers = kafka.BootstrapServers,
                GroupId = "cdc-avro-" + Guid.NewGuid().ToString("N"),
                EnableAutoCommit = false,
            }
        ).Build();
        consumer.Assign(new TopicPartitionOffset(Topic, 0, 0));
        var events = new List<Decoded>();
        var started = DateTime.UtcNow;
        while (events.Count < count && DateTime.UtcNow - started < TimeSpan.FromSeconds(30))
        {
            if (consumer.Consume(TimeSpan.FromMilliseconds(200)) is { Message.Value: { } value })
            {
                var record = await deserializer.DeserializeAsync(
                    value,
                    isNull: false,
                    new SerializationContext(MessageComponentType.Value, Topic)
                );
                events.Add(new Decoded(record, value));
            }
        }
        Assert.Equal(count, events.Count);
        return events;
    }

    private static GenericRecord ReadWith(byte[] framed, string writer, string reader)
    {
        var datumReader = new GenericDatumReader<GenericRecord>(
            global::Avro.Schema.Parse(writer),
            global::Avro.Schema.Parse(reader)
        );
        using var stream = new MemoryStream(framed, 5, framed.Length - 5);
        return datumReader.Read(null!, new BinaryDecoder(stream));
    }

    private sealed record Decoded(GenericRecord Record, byte[] Raw)
    {
        public object this[string field] => Record[field];
    }
}
