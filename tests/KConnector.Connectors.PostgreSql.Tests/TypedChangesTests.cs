using Confluent.Kafka;
using Confluent.SchemaRegistry;
using KConnector.Kafka;
using KConnector.Testing.SchemaRegistry;

namespace KConnector.Connectors.PostgreSql.Tests;

/// <summary>
/// Specs/typed-orders-cdc.connector.json declares the rows of public.typed_orders
/// (table.value.schemas -> typed-order-row.avsc): its generated worker on the embedded cluster
/// writes snapshot, update and delete (REPLICA IDENTITY FULL: before too) with that record, and
/// the generated TypedOrdersCdcTables.TypedOrdersChangeEvent reads them back typed: an int column
/// into a long field, numeric(10,2) as decimal, timestamp as timestamp-micros, uuid as Guid, and
/// a field with no column (channel) taking its default.
/// </summary>
[Collection(LogicalPostgreSqlCollection.Name)]
public sealed class TypedChangesTests(LogicalPostgreSql fixture)
{
    private const string Topic = "typed.public.typed_orders";

    [Fact]
    public async Task GeneratedWorker_WritesTheDeclaredRecord_AndTheGeneratedEventReadsItTyped()
    {
        var server = fixture.Server;
        var reference = Guid.Parse("5f0c6a5e-2f9b-4b8a-9a61-3c2d1e0f4a7b");
        await server.ExecuteAsync(
            "CREATE TABLE typed_orders (id int PRIMARY KEY, item text NOT NULL, qty int, price numeric(10,2), placed timestamp, ref uuid);"
                + "ALTER TABLE typed_orders REPLICA IDENTITY FULL;"
                + $"INSERT INTO typed_orders VALUES (1, 'book', 2, 9.50, '2024-03-01 10:15:30.123456', '{reference}')"
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
                        "UPDATE typed_orders SET qty = 5 WHERE id = 1; DELETE FROM typed_orders WHERE id = 1"
                    );
                }
                // r, u, d and the delete's tombstone.
                return processed >= 4;
            }
        );

        var values = ReadValues(kafka, 4);
        Assert.Null(values[3]); // the tombstone
        var events = values
            .Take(3)
            .Select(v => TypedOrdersCdcTables.TypedOrdersChangeEvent.FromAvro(v))
            .ToList();
        Assert.Equal(["r", "u", "d"], events.Select(e => e.Op));
        var read = events[0].After!;
        Assert.Equal(1, read.Id);
        Assert.Equal("book", read.Item);
        Assert.Equal(2L, read.Qty);
        Assert.Equal(9.50m, read.Price);
        Assert.Equal(
            new DateTime(2024, 3, 1, 10, 15, 30, DateTimeKind.Utc).AddTicks(1234560),
            read.Placed
        );
        Assert.Equal(reference, read.Ref);
        Assert.Equal("web", read.Channel);
        Assert.Null(events[0].Before);
        Assert.Equal("last", events[0].Source.Snapshot);
        Assert.Equal(2L, events[1].Before!.Qty);
        Assert.Equal(5L, events[1].After!.Qty);
        Assert.Equal("typed_orders", events[1].Source.Table);
        Assert.Equal("public", events[1].Source.Schema);
        Assert.NotNull(events[1].Source.TxId);
        Assert.Equal(5L, events[2].Before!.Qty);
        Assert.Equal("book", events[2].Before!.Item);
        Assert.Null(events[2].After);

        // The registered envelope carries the declared record, as the .avsc names it.
        using var client = new CachedSchemaRegistryClient(
            new SchemaRegistryConfig { Url = registry.Url }
        );
        var registered = await client.GetLatestSchemaAsync(Topic + "-value");
        var envelope = (global::Avro.RecordSchema)
            global::Avro.Schema.Parse(registered.SchemaString);
        var after = (global::Avro.UnionSchema)envelope["after"].Schema;
        Assert.Equal("Shop.Cdc.OrderRow", after.Schemas[1].Fullname);
    }

    private Task RunWorkerAsync(
        EmbeddedKafka kafka,
        SchemaRegistryTestServer registry,
        Func<long, Task<bool>> step
    ) =>
        CdcSpecWorkerRun.RunAsync(
            fixture,
            registry,
            "typed_orders_cdc",
            environment => new TypedOrdersCdcWorker(
                TypedOrdersCdcConfig.Parse(
                    new Dictionary<string, string?>(TypedOrdersCdcConfig.SpecValues)
                    {
                        ["bootstrap.servers"] = kafka.BootstrapServers,
                    }
                ),
                environment
            ),
            step
        );

    // The topic's values from its start, until count came (bounded).
    private static List<byte[]?> ReadValues(EmbeddedKafka kafka, int count)
    {
        using var consumer = new ConsumerBuilder<byte[]?, byte[]?>(
            new ConsumerConfig
            {
                BootstrapServers = kafka.BootstrapServers,
                GroupId = "cdc-typed-" + Guid.NewGuid().ToString("N"),
                EnableAutoCommit = false,
            }
        ).Build();
        consumer.Assign(new TopicPartitionOffset(Topic, 0, 0));
        var values = new List<byte[]?>();
        var started = DateTime.UtcNow;
        while (values.Count < count && DateTime.UtcNow - started < TimeSpan.FromSeconds(30))
        {
            if (consumer.Consume(TimeSpan.FromMilliseconds(200)) is { Message: { } message })
            {
                values.Add(message.Value);
            }
        }
        Assert.Equal(count, values.Count);
        return values;
    }
}
