using Avro.Generic;
using Confluent.Kafka;
using Confluent.SchemaRegistry;
using Confluent.SchemaRegistry.Serdes;
using KConnector.Kafka;
using KConnector.Testing.SchemaRegistry;

namespace KConnector.Connectors.PostgreSql.Tests;

/// <summary>
/// The same Avro output through <c>kconnector run</c> (the spec compiled at run time): changes
/// and heartbeats reach Kafka in Confluent's wire format, readable by Confluent's deserializer
/// with the schemas the (Kestrel) Schema Registry holds.
/// </summary>
[Collection(LogicalPostgreSqlCollection.Name)]
public sealed class AvroRunTests(LogicalPostgreSql fixture) : IDisposable
{
    private const string Topic = "runavro.public.run_avro";
    private const string HeartbeatTopic = "__debezium-heartbeat.runavro";

    // The child compiles the spec at start: under load that takes minutes, not seconds.
    private static readonly TimeSpan ChildStartBound = TimeSpan.FromSeconds(240);
    private readonly string _folder = Directory
        .CreateTempSubdirectory("kconnector-cdc-avro-")
        .FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task KconnectorRun_WritesChangesAndHeartbeats_AsRegisteredAvro()
    {
        var server = fixture.Server;
        await server.ExecuteAsync(
            "CREATE TABLE run_avro (id int PRIMARY KEY, name text); INSERT INTO run_avro VALUES (1, 'one'), (2, 'two')"
        );
        await using var registry = await SchemaRegistryTestServer.StartAsync();
        using var kafka = EmbeddedKafka.Start(brokerCount: 1, initialRebalanceDelay: TimeSpan.Zero);
        kafka.CreateTopic(Topic, partitions: 1);
        kafka.CreateTopic(HeartbeatTopic, partitions: 1);
        using var client = new CachedSchemaRegistryClient(
            new SchemaRegistryConfig { Url = registry.Url }
        );
        try
        {
            using var worker = KconnectorRunProcess.Start(
                _folder,
                WriteSpec(server.Port, registry.Url),
                "--set",
                "bootstrap.servers=" + kafka.BootstrapServers,
                "--set",
                "offset.storage.file.filename=" + Path.Combine(_folder, "connect.offsets"),
                "--set",
                "offset.flush.interval.ms=100"
            );
            var snapshot = await ReadAsync(kafka, client, Topic, 2, () => worker.Log);
            await server.ExecuteAsync("INSERT INTO run_avro VALUES (3, 'three')");
            var changes = await ReadAsync(kafka, client, Topic, 3, () => worker.Log);
            var heartbeats = await ReadAsync(kafka, client, HeartbeatTopic, 1, () => worker.Log);

            Assert.Equal(["r", "r"], snapshot.Select(e => (string)e["op"]));
            Assert.Equal("c", changes[2]["op"]);
            Assert.Equal("three", ((GenericRecord)changes[2]["after"])["name"]);
            Assert.Equal("run_avro", ((GenericRecord)changes[2]["source"])["table"]);
            Assert.Equal("Heartbeat", heartbeats[0].Schema.Name);
            Assert.True((long)heartbeats[0]["ts_ms"] > 0);
        }
        finally
        {
            await server.ExecuteAsync(
                "SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE slot_name = 'runavro' AND NOT active"
            );
        }
    }

    private string WriteSpec(int port, string registryUrl)
    {
        var path = Path.Combine(_folder, "runavro.connector.json");
        File.WriteAllText(
            path,
            $$"""
            {
              "name": "runavro",
              "config": {
                "connector.class": "io.debezium.connector.postgresql.PostgresConnector",
                "database.hostname": "127.0.0.1",
                "database.port": {{port}},
                "database.user": "kconnector",
                "database.dbname": "postgres",
                "topic.prefix": "runavro",
                "slot.name": "runavro",
                "publication.name": "runavro",
                "table.include.list": "public\\.run_avro",
                "heartbeat.interval.ms": 200,
                "poll.interval.ms": 50,
                "key.converter": "org.apache.kafka.connect.storage.StringConverter",
                "value.converter": "io.confluent.connect.avro.AvroConverter",
                "value.converter.schema.registry.url": "{{registryUrl}}"
              }
            }
            """
        );
        return path;
    }

    // Reads the topic from its start until count values came (bounded), decoded by Confluent's
    // Avro deserializer with the writer schemas from the registry.
    internal static async Task<List<GenericRecord>> ReadAsync(
        EmbeddedKafka kafka,
        ISchemaRegistryClient registry,
        string topic,
        int count,
        Func<string> log
    )
    {
        var deserializer = new AvroDeserializer<GenericRecord>(registry);
        using var consumer = new ConsumerBuilder<byte[]?, byte[]?>(
            new ConsumerConfig
            {
                BootstrapServers = kafka.BootstrapServers,
                GroupId = "cdc-avro-run-" + Guid.NewGuid().ToString("N"),
                EnableAutoCommit = false,
            }
        ).Build();
        consumer.Assign(new TopicPartitionOffset(topic, 0, 0));
        var values = new List<GenericRecord>();
        var started = DateTime.UtcNow;
        while (values.Count < count && DateTime.UtcNow - started < ChildStartBound)
        {
            if (consumer.Consume(TimeSpan.FromMilliseconds(200)) is { Message.Value: { } value })
            {
                values.Add(
                    await deserializer.DeserializeAsync(
                        value,
                        isNull: false,
                        new SerializationContext(MessageComponentType.Value, topic)
                    )
                );
            }
        }
        Assert.True(
            values.Count >= count,
            $"{values.Count} of {count} values on {topic}; worker log:\n{log()}"
        );
        return values;
    }
}
