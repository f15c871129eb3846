using Avro.Generic;
using Confluent.SchemaRegistry;
using KConnector.Kafka;
using KConnector.Testing.SchemaRegistry;

namespace KConnector.Connectors.PostgreSql.Tests;

/// <summary>
/// table.value.schemas through <c>kconnector run</c> (the spec and the .avsc beside it compiled at
/// run time): the rows are written with the declared record; an added column the record has no
/// field for fails the task naming table, column, file and field, and after the .avsc gains the
/// field a restart (same offsets file, same slot) delivers the change: nothing lost, nothing twice.
/// </summary>
[Collection(LogicalPostgreSqlCollection.Name)]
public sealed class TypedRunTests(LogicalPostgreSql fixture) : IDisposable
{
    private const string Topic = "runtyped.public.run_typed";
    private static readonly TimeSpan ChildBound = TimeSpan.FromSeconds(240);
    private readonly string _folder = Directory
        .CreateTempSubdirectory("kconnector-cdc-typed-")
        .FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task KconnectorRun_WritesTheDeclaredRecord_FailsOnAColumnItCannotHold_AndResumesWhenFixed()
    {
        var server = fixture.Server;
        await server.ExecuteAsync(
            "CREATE TABLE run_typed (id int PRIMARY KEY, name text NOT NULL); INSERT INTO run_typed VALUES (1, 'one')"
        );
        await using var registry = await SchemaRegistryTestServer.StartAsync();
        using var kafka = EmbeddedKafka.Start(brokerCount: 1, initialRebalanceDelay: TimeSpan.Zero);
        kafka.CreateTopic(Topic, partitions: 1);
        using var client = new CachedSchemaRegistryClient(
            new SchemaRegistryConfig { Url = registry.Url }
        );
        var spec = WriteSpec(server.Port, registry.Url);
        try
        {
            WriteRow(withNote: false);
            using (var first = Run(spec, kafka))
            {
                var snapshot = await AvroRunTests.ReadAsync(
                    kafka,
                    client,
                    Topic,
                    1,
                    () => first.Log
                );
                var row = (GenericRecord)snapshot[0]["after"];
                Assert.Equal("Run.TypedRow", row.Schema.Fullname);
                Assert.Equal("one", row["name"]);

                await server.ExecuteAsync(
                    "ALTER TABLE run_typed ADD COLUMN note text; INSERT INTO run_typed VALUES (2, 'two', 'late')"
                );
                await WaitForAsync(
                    first,
                    "cannot be held by the declared value schema run-typed-row.avsc"
                );
                Assert.Contains(
                    "Table public.run_typed: column 'note' (string)",
                    first.Log,
                    StringComparison.Ordinal
                );
                Assert.Contains("it has no field 'note'", first.Log, StringComparison.Ordinal);
                first.Kill();
            }

            WriteRow(withNote: true);
            using var second = Run(spec, kafka);
            var events = await AvroRunTests.ReadAsync(kafka, client, Topic, 2, () => second.Log);
            Assert.Equal(["r", "c"], events.Select(e => (string)e["op"]));
            var inserted = (GenericRecord)events[1]["after"];
            Assert.Equal("late", inserted["note"]);
            Assert.Equal("two", inserted["name"]);
        }
        finally
        {
            await server.ExecuteAsync(
                "SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE slot_name = 'runtyped' AND NOT active"
            );
        }
    }

    private KconnectorRunProcess Run(string spec, EmbeddedKafka kafka) =>
        KconnectorRunProcess.Start(
            _folder,
            spec,
            "--set",
            "bootstrap.servers=" + kafka.BootstrapServers,
            "--set",
            "offset.storage.file.filename=" + Path.Combine(_folder, "connect.offsets"),
            "--set",
            "offset.flush.interval.ms=100"
        );

    private static async Task WaitForAsync(KconnectorRunProcess child, string text)
    {
        var started = DateTime.UtcNow;
        while (
            !child.Log.Contains(text, StringComparison.Ordinal)
            && DateTime.UtcNow - started < ChildBound
        )
        {
            await Task.Delay(200);
        }
        Assert.True(
            child.Log.Contains(text, StringComparison.Ordinal),
            $"'{text}' not printed within {ChildBound}:\n{child.Log}"
        );
    }

    private void WriteRow(bool withNote) =>
        File.WriteAllText(
            Path.Combine(_folder, "run-typed-row.avsc"),
            """{ "type": "record", "name": "TypedRow", "namespace": "Run", "fields": [ { "name": "id", "type": "int" }, { "name": "name", "type": "string" }"""
                + (
                    withNote
                        ? """, { "name": "note", "type": ["null", "string"], "default": null }"""
                        : ""
                )
                + " ] }"
        );

    private string WriteSpec(int port, string registryUrl)
    {
        var path = Path.Combine(_folder, "runtyped.connector.json");
        File.WriteAllText(
            path,
            $$"""
            {
              "name": "runtyped",
              "config": {
                "connector.class": "io.debezium.connector.postgresql.PostgresConnector",
                "database.hostname": "127.0.0.1",
                "database.port": {{port}},
                "database.user": "kconnector",
                "database.dbname": "postgres",
                "topic.prefix": "runtyped",
                "slot.name": "runtyped",
                "publication.name": "runtyped",
                "table.include.list": "public\\.run_typed",
                "table.value.schemas": "public.run_typed:run-typed-row.avsc",
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
}
