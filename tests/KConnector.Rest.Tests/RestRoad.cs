using System.Net;
using System.Text.Json.Nodes;
using Confluent.Kafka;
using KConnector.Kafka;
using KConnector.Testing.SchemaRegistry;
using KConnector.Testing.SpecRecords;

namespace KConnector.Rest.Tests;

/// <summary>
/// The REST road of the IntegrationTests' specs: <c>kconnector run</c> serving REST on an operator's
/// folder holding the very spec and schema files the generated workers run (copied from
/// tests/KConnector.IntegrationTests/Transforms), each spec POSTed to /connectors as its body with
/// this run's files and registry; and what a user then reads: topics, files, the registry.
/// </summary>
internal sealed class RestRoad : IDisposable
{
    private readonly OperatorSession _session;
    private readonly ToolProcess _tool;
    private readonly HttpClient _client;

    private RestRoad(OperatorSession session, ToolProcess tool, HttpClient client)
    {
        _session = session;
        _tool = tool;
        _client = client;
    }

    /// <summary>The operator's folder, holding the copied <c>files</c>.</summary>
    public string Folder => _session.Folder;

    /// <summary>Copies <paramref name="files"/> into a fresh operator folder and starts the tool on it.</summary>
    public static async Task<RestRoad> StartAsync(EmbeddedKafka kafka, params string[] files)
    {
        var session = new OperatorSession(kafka.BootstrapServers);
        var from = Path.Combine(Repository(), "tests", "KConnector.IntegrationTests", "Transforms");
        foreach (var name in files)
        {
            File.Copy(Path.Combine(from, name), Path.Combine(session.Folder, name));
        }
        var tool = ToolProcess.Run(session.Folder, session.WorkerProperties);
        try
        {
            var client = new HttpClient
            {
                BaseAddress = await tool.RestAddressAsync(),
                Timeout = TimeSpan.FromMinutes(3),
            };
            return new RestRoad(session, tool, client);
        }
        catch
        {
            tool.Dispose();
            session.Dispose();
            throw;
        }
    }

    /// <summary>Writes payments 0 to <paramref name="count"/> - 1 (RegisteredPayments.Line) to payments.jsonl in the folder; returns its path.</summary>
    public async Task<string> WritePaymentsAsync(int count)
    {
        var payments = Path.Combine(Folder, "payments.jsonl");
        await File.WriteAllLinesAsync(
            payments,
            Enumerable.Range(0, count).Select(RegisteredPayments.Line)
        );
        return payments;
    }

    /// <summary>
    /// POSTs the spec <paramref name="name"/> (its .connector.json in the folder) to /connectors,
    /// its config keys <paramref name="overrides"/> replaced; asserts 201 Created.
    /// </summary>
    public async Task PostAsync(string name, params (string Key, string Value)[] overrides)
    {
        var spec = JsonNode
            .Parse(await File.ReadAllTextAsync(Path.Combine(Folder, name + ".connector.json")))!
            .AsObject();
        spec.Remove("$schema");
        foreach (var (key, value) in overrides)
        {
            spec["config"]![key] = value;
        }
        var created = await _client.PostJsonAsync("/connectors", spec.ToJsonString());
        Assert.True(created.Status == HttpStatusCode.Created, created.Body.ToString());
    }

    /// <summary>
    /// Waits (up to two minutes) until <paramref name="done"/>; on failure the exception carries
    /// what the tool printed.
    /// </summary>
    public async Task UntilAsync(Func<bool> done, string what)
    {
        try
        {
            await Http.UntilAsync(() => Task.FromResult(done()), what, TimeSpan.FromSeconds(120));
        }
        catch (Exception e)
        {
            throw new InvalidOperationException("the tool said:\n" + _tool.Output, e);
        }
    }

    public void Dispose()
    {
        _client.Dispose();
        _tool.Dispose();
        _session.Dispose();
    }

    /// <summary>The schema registered last under <paramref name="subject"/>, parsed.</summary>
    public static async Task<JsonNode> LatestSchemaAsync(
        SchemaRegistryTestServer registry,
        string subject
    )
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var registered = JsonNode.Parse(
            await http.GetStringAsync($"{registry.Url}/subjects/{subject}/versions/latest")
        )!;
        return JsonNode.Parse(registered["schema"]!.GetValue<string>())!;
    }

    /// <summary>The end offset of <paramref name="topic"/>'s partition 0.</summary>
    public static long EndOffset(EmbeddedKafka kafka, string topic)
    {
        using var consumer = Consumer(kafka);
        return consumer
            .QueryWatermarkOffsets(new TopicPartition(topic, 0), TimeSpan.FromSeconds(30))
            .High.Value;
    }

    /// <summary>The records of <paramref name="topic"/>'s partition 0 up to its end now, with their headers.</summary>
    public static List<Message<byte[], byte[]>> Read(EmbeddedKafka kafka, string topic)
    {
        using var consumer = Consumer(kafka);
        var end = EndOffset(kafka, topic);
        consumer.Assign(new TopicPartitionOffset(topic, 0, Offset.Beginning));
        var records = new List<Message<byte[], byte[]>>();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (records.Count < end && DateTime.UtcNow < deadline)
        {
            if (
                consumer.Consume(TimeSpan.FromMilliseconds(200)) is { IsPartitionEOF: false } result
            )
            {
                records.Add(result.Message);
            }
        }
        return records;
    }

    private static IConsumer<byte[], byte[]> Consumer(EmbeddedKafka kafka) =>
        new ConsumerBuilder<byte[], byte[]>(
            new ConsumerConfig
            {
                BootstrapServers = kafka.BootstrapServers,
                GroupId = "rest-road-" + Guid.NewGuid().ToString("N"),
                EnableAutoCommit = false,
            }
        ).Build();

    private static string Repository()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(directory!.FullName, "Generator.sln")))
        {
            directory = directory.Parent;
        }
        return directory.FullName;
    }
}
