using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Confluent.Kafka;
using KConnector.Connectors;
using KConnector.IntegrationTests.Reliability;
using KConnector.IntegrationTests.Specs;
using KConnector.Kafka;
using KConnector.Testing.SchemaRegistry;

namespace KConnector.IntegrationTests.Transforms;

/// <summary>
/// What a pipeline test of a transform chain sets up before its workers run, and reads back after:
/// the embedded Kafka cluster with its topics (one partition each, so records keep their order),
/// optionally the schema registry, one connector environment for its workers and a temp folder
/// for input and output files; the topic's records, a dead-letter record's headers and a
/// registered schema's fields. Disposed, it stops them and deletes the folder.
/// </summary>
internal sealed class PipelineBed : IAsyncDisposable
{
    private readonly SchemaRegistryTestServer? _registry;

    private PipelineBed(EmbeddedKafka kafka, SchemaRegistryTestServer? registry)
    {
        Kafka = kafka;
        _registry = registry;
        Folder = Directory.CreateTempSubdirectory("kconnector-pipeline-").FullName;
    }

    /// <summary>The embedded cluster (one broker).</summary>
    public EmbeddedKafka Kafka { get; }

    /// <summary>The cluster's bootstrap servers.</summary>
    public string BootstrapServers => Kafka.BootstrapServers;

    /// <summary>The schema registry's URL; only for a bed started with one.</summary>
    public string RegistryUrl =>
        _registry?.Url ?? throw new InvalidOperationException("This bed has no schema registry.");

    /// <summary>The environment the test's workers share.</summary>
    public ConnectorEnvironment Environment { get; } = new();

    /// <summary>The temp folder for the test's files.</summary>
    public string Folder { get; }

    /// <summary>Starts the cluster with <paramref name="topics"/>, and a registry if asked.</summary>
    public static async Task<PipelineBed> StartAsync(bool withRegistry, params string[] topics)
    {
        var registry = withRegistry ? await SchemaRegistryTestServer.StartAsync() : null;
        var kafka = EmbeddedKafka.Start(brokerCount: 1, initialRebalanceDelay: TimeSpan.Zero);
        foreach (var topic in topics)
        {
            kafka.CreateTopic(topic, partitions: 1);
        }
        return new PipelineBed(kafka, registry);
    }

    /// <summary>A file of the test's folder.</summary>
    public string PathOf(string name) => Path.Combine(Folder, name);

    /// <summary>Writes <paramref name="lines"/> to a file of the folder; returns its path.</summary>
    public async Task<string> WriteLinesAsync(string name, IEnumerable<string> lines)
    {
        var path = PathOf(name);
        await File.WriteAllLinesAsync(path, lines);
        return path;
    }

    /// <summary>
    /// A spec's values with this bed's <c>bootstrap.servers</c> and <paramref name="overrides"/>.
    /// </summary>
    public Dictionary<string, string?> Config(
        IEnumerable<KeyValuePair<string, string?>> specValues,
        params (string Key, string? Value)[] overrides
    )
    {
        var config = new Dictionary<string, string?>(specValues)
        {
            ["bootstrap.servers"] = BootstrapServers,
        };
        foreach (var (key, value) in overrides)
        {
            config[key] = value;
        }
        return config;
    }

    /// <summary>Every record of <paramref name="topic"/>, read to its end.</summary>
    public List<ConsumeResult<byte[]?, byte[]?>> Read(string topic) =>
        TopicReader.ReadAll(BootstrapServers, topic, WorkerRuns.Deadline);

    /// <summary>
    /// How many records <paramref name="topic"/> (one partition, no transactions) holds now, for a
    /// wait's condition: its end offset, which needs no reading.
    /// </summary>
    public long Count(string topic)
    {
        using var consumer = new ConsumerBuilder<Ignore, Ignore>(
            new ConsumerConfig { BootstrapServers = BootstrapServers, GroupId = "pipeline-bed" }
        ).Build();
        return consumer
            .QueryWatermarkOffsets(new TopicPartition(topic, 0), TimeSpan.FromSeconds(30))
            .High.Value;
    }

    /// <summary>The latest schema registered under <paramref name="subject"/>.</summary>
    public async Task<JsonNode> RegisteredSchemaAsync(string subject)
    {
        using var http = new HttpClient();
        var registered = await http.GetFromJsonAsync<JsonObject>(
            RegistryUrl + "/subjects/" + subject + "/versions/latest"
        );
        return JsonNode.Parse(registered!["schema"]!.GetValue<string>())!;
    }

    /// <summary>An Avro record schema's fields as <c>name:type</c>, type as JSON.</summary>
    public static IEnumerable<string> FieldsOf(JsonNode schema) =>
        schema["fields"]!
            .AsArray()
            .Select(f => f!["name"]!.GetValue<string>() + ":" + f["type"]!.ToJsonString());

    /// <summary>A record's headers as UTF-8 text, by key.</summary>
    public static Dictionary<string, string> HeadersOf(ConsumeResult<byte[]?, byte[]?> record) =>
        record.Message.Headers.ToDictionary(
            h => h.Key,
            h => Encoding.UTF8.GetString(h.GetValueBytes())
        );

    /// <summary>How many lines a file has, 0 while it does not exist.</summary>
    public static int LineCount(string path) =>
        File.Exists(path) ? File.ReadLines(path).Count() : 0;

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        Environment.Dispose();
        Kafka.Dispose();
        if (_registry is not null)
        {
            await _registry.DisposeAsync();
        }
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException) { }
    }
}
