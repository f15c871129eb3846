using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Confluent.Kafka;
using KConnector.Cli.Tests.Shop;
using KConnector.Configuration;
using KConnector.Converters;
using KConnector.Kafka;
using KConnector.SchemaRegistry;
using KConnector.Testing.SchemaRegistry;

namespace KConnector.Cli.Tests.Secrets;

/// <summary>
/// Issue 20, item 1: every built-in connector and every converter that takes a URL runs with
/// credentials in each URL-valued key (user info, and a secret query parameter), against a
/// registry that answers errors or endpoints that cannot be reached, so that the URL is quoted;
/// then every output channel (stdout, the log on stderr, the FAILED lines with the exception's
/// message, the dead-letter records' headers, keys and values) is searched for the secret.
/// </summary>
public sealed class SecretsInUrlsTests : IDisposable
{
    private const string User = "alice";
    private const string Topic = "secret-orders";
    private const string DeadLetterTopic = "secret-dlq";
    private static readonly string Secret = "pw-" + Guid.NewGuid().ToString("N");
    private readonly SpecFolder _folder = new();

    [Fact]
    public async Task NoChannelOfAnyConnectorOrConverter_EverShowsACredentialFromAUrl()
    {
        using var kafka = EmbeddedKafka.Start(brokerCount: 1, initialRebalanceDelay: TimeSpan.Zero);
        kafka.CreateTopic(Topic, partitions: 1);
        kafka.CreateTopic(DeadLetterTopic, partitions: 1);
        await ProduceAsync(kafka.BootstrapServers);
        await using var registry = await SchemaRegistryTestServer.StartAsync();
        registry.RequiredAuthorization =
            "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{User}:{Secret}"));
        // Every request fails with 400 (not retried), so the converters quote the request's URL.
        registry.FailNext(10_000, 400);
        var registryUrl = WithCredentials(registry.Url);
        var closed = WithCredentials($"http://127.0.0.1:{ClosedPort()}");
        File.WriteAllText(_folder.File("orders.jsonl"), "{\"order_id\":\"a\",\"quantity\":1}\n");
        var runs = new List<(string Name, CliRun Run)>();

        // A source: the value converter registers through the registry: a record error, dead-lettered.
        runs.Add(
            (
                "file source",
                await RunAsync(
                    kafka,
                    "FileStreamSource",
                    $$"""
                    "file": "{{Escape(
                        _folder.File("orders.jsonl")
                    )}}", "format": "json", "topic": "{{Topic}}-out",
                    "value.converter": "io.confluent.connect.avro.AvroConverter",
                    "value.converter.schema.registry.url": "{{registryUrl}}",
                    "value.converter.schema.registry.max.retries": "0"
                    """
                )
            )
        );
        // A sink: the value converter looks the writer's schema id up in a registry that cannot be reached.
        runs.Add(
            (
                "file sink, AvroConverter",
                await RunAsync(
                    kafka,
                    "FileStreamSink",
                    $$"""
                    "topics": "{{Topic}}", "file": "{{Escape(_folder.File("out.jsonl"))}}",
                    "value.converter": "io.confluent.connect.avro.AvroConverter",
                    "value.converter.schema.registry.url": "{{closed}},{{registryUrl}}",
                    "value.converter.schema.registry.max.retries": "1"
                    """
                )
            )
        );
        runs.Add(
            (
                "HTTP sink",
                await RunAsync(
                    kafka,
                    "io.confluent.connect.http.HttpSinkConnector",
                    $$"""
                    "topics": "{{Topic}}", "http.api.url": "{{closed}}/hook?code={{Secret}}", "max.retries": "1",
                    "retry.backoff.ms": "10", "value.converter": "io.confluent.connect.avro.AvroConverter",
                    "value.converter.schema.registry.url": "mock://secrets"
                    """
                )
            )
        );
        runs.Add(
            (
                "HTTP source",
                await RunAsync(
                    kafka,
                    "io.confluent.connect.http.HttpSourceConnector",
                    $$"""
                    "url": "{{closed}}/orders?token={{Secret}}&after=${offset}", "topic.name.pattern": "{{Topic}}-out",
                    "http.offset.json.pointer": "/order_id", "max.retries": "1", "retry.backoff.ms": "10",
                    "value.converter": "io.confluent.connect.avro.AvroConverter",
                    "value.converter.schema.registry.url": "mock://secrets"
                    """
                )
            )
        );
        runs.Add(
            (
                "Elasticsearch sink",
                await RunAsync(
                    kafka,
                    "io.confluent.connect.elasticsearch.ElasticsearchSinkConnector",
                    $$"""
                    "topics": "{{Topic}}", "connection.url": "{{closed}}", "max.retries": "1", "retry.backoff.ms": "10",
                    "key.ignore": "true", "value.converter": "io.confluent.connect.avro.AvroConverter",
                    "value.converter.schema.registry.url": "mock://secrets"
                    """
                )
            )
        );
        var jdbc =
            $"jdbc:postgresql://{User}:{Secret}@127.0.0.1:{ClosedPort()}/shop?user={User}&password={Secret}";
        runs.Add(
            (
                "JDBC sink",
                await RunAsync(
                    kafka,
                    "io.confluent.connect.jdbc.JdbcSinkConnector",
                    $$"""
                    "topics": "{{Topic}}", "connection.url": "{{jdbc}}", "auto.create": "true",
                    "value.converter": "io.confluent.connect.avro.AvroConverter",
                    "value.converter.schema.registry.url": "mock://secrets"
                    """
                )
            )
        );
        runs.Add(
            (
                "JDBC source",
                await RunAsync(
                    kafka,
                    "io.confluent.connect.jdbc.JdbcSourceConnector",
                    $$"""
                    "connection.url": "{{jdbc}}", "mode": "incrementing", "incrementing.column.name": "quantity",
                    "table.whitelist": "orders", "topic.prefix": "secret-",
                    "value.converter": "io.confluent.connect.avro.AvroConverter",
                    "value.converter.schema.registry.url": "mock://secrets"
                    """
                )
            )
        );

        var deadLetters = ReadAll(kafka.BootstrapServers, DeadLetterTopic);
        foreach (var (name, run) in runs)
        {
            Assert.False(
                run.ToString().Contains(Secret, StringComparison.Ordinal),
                $"{name}: {run}"
            );
        }
        foreach (var text in deadLetters)
        {
            Assert.DoesNotContain(Secret, text, StringComparison.Ordinal);
        }
        // The channels were exercised: each registry converter's URL was quoted, redacted, in the
        // log and in a dead-letter header; the unreachable endpoints were named, redacted.
        Assert.Contains(
            deadLetters,
            t =>
                t.Contains("__connect.errors.stage=VALUE_CONVERTER", StringComparison.Ordinal)
                && t.Contains($"http://{UrlRedaction.Hidden}@127.0.0.1", StringComparison.Ordinal)
                && !t.Contains("__connect.errors.topic=", StringComparison.Ordinal)
        );
        Assert.Contains(
            deadLetters,
            t =>
                t.Contains($"__connect.errors.topic={Topic}", StringComparison.Ordinal)
                && t.Contains($"http://{UrlRedaction.Hidden}@127.0.0.1", StringComparison.Ordinal)
        );
        foreach (
            var (name, run) in runs.Where(r => !r.Name.StartsWith("JDBC", StringComparison.Ordinal))
        )
        {
            Assert.True(
                run.ToString().Contains(UrlRedaction.Hidden, StringComparison.Ordinal),
                $"{name} never quoted the URL: {run}"
            );
        }
    }

    private async Task<CliRun> RunAsync(EmbeddedKafka kafka, string connectorClass, string config)
    {
        var name = "secrets-" + Guid.NewGuid().ToString("N")[..8];
        var spec = _folder.Write(
            name + ".connector.json",
            $$"""
            {
              "name": "{{name}}",
              "config": {
                "connector.class": "{{connectorClass}}",
                "tasks.max": 1,
                {{(
                config.Contains("\"key.converter\"", StringComparison.Ordinal)
                    ? ""
                    : "\"key.converter\": \"org.apache.kafka.connect.storage.StringConverter\","
            )}}
                "value.schema": "order.avsc",
                "errors.tolerance": "all",
                "errors.log.enable": true,
                "errors.log.include.messages": true,
                "errors.deadletterqueue.topic.name": "{{DeadLetterTopic}}",
                "errors.deadletterqueue.context.headers.enable": true,
                {{config}}
              }
            }
            """
        );
        return await CliRun.InvokeAsync(
            "run",
            spec,
            "--set",
            "bootstrap.servers=" + kafka.BootstrapServers,
            "--duration",
            "4",
            "--verbose"
        );
    }

    private static string WithCredentials(string url) =>
        url.Replace("http://", $"http://{User}:{Secret}@", StringComparison.Ordinal);

    private static string Escape(string path) =>
        path.Replace("\\", "\\\\", StringComparison.Ordinal);

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task ProduceAsync(string bootstrapServers)
    {
        using var producer = new ProducerBuilder<byte[]?, byte[]?>(
            new ProducerConfig { BootstrapServers = bootstrapServers }
        ).Build();
        var registry = new MockSchemaRegistryClient("secrets");
        var values = new AvroConverter<CliOrder>(registry, isKey: false);
        for (var n = 0; n < 3; n++)
        {
            var id = "order-" + n.ToString(CultureInfo.InvariantCulture);
            await producer.ProduceAsync(
                Topic,
                new Message<byte[]?, byte[]?>
                {
                    Key = Encoding.UTF8.GetBytes(id),
                    Value = values.FromConnectData(
                        Topic,
                        new CliOrder { OrderId = id, Quantity = n }
                    ),
                }
            );
        }
    }

    // Every dead-letter record as text: key, value and each header, bounded by an idle timeout.
    private static List<string> ReadAll(string bootstrapServers, string topic)
    {
        using var consumer = new ConsumerBuilder<byte[]?, byte[]?>(
            new ConsumerConfig
            {
                BootstrapServers = bootstrapServers,
                GroupId = "secrets-reader",
                AutoOffsetReset = AutoOffsetReset.Earliest,
            }
        ).Build();
        consumer.Subscribe(topic);
        var texts = new List<string>();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        var idleSince = DateTime.UtcNow;
        while (DateTime.UtcNow < deadline && DateTime.UtcNow - idleSince < TimeSpan.FromSeconds(3))
        {
            var result = consumer.Consume(TimeSpan.FromMilliseconds(200));
            if (result?.Message is not { } message)
            {
                continue;
            }
            idleSince = DateTime.UtcNow;
            var text = new StringBuilder()
                .Append(Text(message.Key))
                .Append('|')
                .Append(Text(message.Value));
            foreach (var header in message.Headers)
            {
                text.Append('|')
                    .Append(header.Key)
                    .Append('=')
                    .Append(Text(header.GetValueBytes()));
            }
            texts.Add(text.ToString());
        }
        consumer.Close();
        return texts;
    }

    private static string Text(byte[]? bytes) =>
        bytes is null ? "" : Encoding.UTF8.GetString(bytes);

    public void Dispose() => _folder.Dispose();
}
