using System.Net;
using System.Text;
using System.Text.Json;
using KConnector.Kafka;
using KConnector.Testing.SchemaRegistry;

namespace KConnector.Rest.Tests;

/// <summary>
/// Connectors created over REST against <c>kconnector run</c> whose record type comes from the
/// Schema Registry: Confluent's AvroConverter with a <c>schema.registry.url</c> and no
/// <c>value.schema</c> takes the latest schema of <c>{topic}-value</c>, compiled at creation. A
/// file source and a file sink of Avro records carry orders end to end; a subject the registry
/// does not have is refused with 400 naming the registry key and the subject.
/// </summary>
public sealed class RegistryRecordTypesTests
{
    // Not the session's order.avsc: the type is the registry's own.
    private const string RegistryOrderSchema = """
        {"type": "record", "name": "RegistryOrder", "namespace": "KConnector.Rest.Tests.Registry",
         "fields": [{"name": "order_id", "type": "string"}, {"name": "quantity", "type": "int"}]}
        """;

    private static string AvroConfig(string registry) =>
        $$"""
            "key.converter": "org.apache.kafka.connect.storage.StringConverter",
            "value.converter": "io.confluent.connect.avro.AvroConverter",
            "value.converter.schema.registry.url": "{{registry}}"
            """;

    private static string Source(OperatorSession session, string registry) =>
        $$"""
            {"name": "registry-source", "config": {
              "connector.class": "FileStreamSource", "file": {{JsonSerializer.Serialize(
                session.Input
            )}}, "format": "json", "topic": "orders", "poll.interval.ms": 50,
              {{AvroConfig(registry)}} } }
            """;

    private static string Sink(OperatorSession session, string registry) =>
        $$"""
            {"name": "registry-sink", "config": {
              "connector.class": "FileStreamSink", "topics": "orders", "file": {{JsonSerializer.Serialize(
                session.Output
            )}},
              {{AvroConfig(registry)}} } }
            """;

    private static async Task RegisterAsync(string registry, string subject, string schema)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        using var body = new StringContent(
            JsonSerializer.Serialize(new Dictionary<string, string> { ["schema"] = schema }),
            Encoding.UTF8,
            "application/vnd.schemaregistry.v1+json"
        );
        using var answer = await http.PostAsync($"{registry}/subjects/{subject}/versions", body);
        Assert.True(answer.IsSuccessStatusCode, await answer.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ConnectorsCreatedOverRest_TakeTheirRecordTypeFromTheRegistry()
    {
        using var kafka = EmbeddedKafka.Start(brokerCount: 1, initialRebalanceDelay: TimeSpan.Zero);
        kafka.CreateTopic("orders", partitions: 1);
        await using var registry = await SchemaRegistryTestServer.StartAsync();
        using var session = new OperatorSession(kafka.BootstrapServers);
        var tool = ToolProcess.Run(session.Folder, session.WorkerProperties);
        try
        {
            using var client = new HttpClient
            {
                BaseAddress = await tool.RestAddressAsync(),
                Timeout = TimeSpan.FromMinutes(2),
            };
            // Nothing registered yet: refused, naming where it looked and what to do.
            var refused = (
                await client.PostJsonAsync("/connectors", Source(session, registry.Url))
            ).AssertError(HttpStatusCode.BadRequest);
            Assert.Contains(
                "value.converter.schema.registry.url",
                refused,
                StringComparison.Ordinal
            );
            Assert.Contains("orders-value", refused, StringComparison.Ordinal);
            Assert.Empty((await client.GetJsonAsync("/connectors")).Body.EnumerateArray());

            await RegisterAsync(registry.Url, "orders-value", RegistryOrderSchema);
            var source = await client.PostJsonAsync("/connectors", Source(session, registry.Url));
            Assert.Equal(HttpStatusCode.Created, source.Status);
            var sink = await client.PostJsonAsync("/connectors", Sink(session, registry.Url));
            Assert.Equal(HttpStatusCode.Created, sink.Status);

            session.AppendOrders(0, 6);
            await Http.UntilAsync(
                () => Task.FromResult(session.Written().Count >= 6),
                "6 orders through Avro in the sink's file"
            );
            Assert.Equal(OperatorSession.Orders(0, 6), session.Written());
            Assert.Contains(
                registry.Requests,
                r => r.Method == "GET" && r.Path == "/subjects/orders-value/versions/latest"
            );
        }
        catch (Exception e) when (e is not Xunit.Sdk.XunitException)
        {
            throw new InvalidOperationException("the tool said:\n" + tool.Output, e);
        }
        finally
        {
            tool.Dispose();
        }
    }
}
