using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using KConnector.IntegrationTests.Reliability;
using KConnector.Kafka;

namespace KConnector.IntegrationTests.Distributed;

/// <summary>
/// Distributed worker processes that serve Kafka Connect's REST API, each on its own port of
/// 127.0.0.1 (its worker id), sharing one embedded cluster's internal topics.
/// </summary>
internal sealed class RestCluster : IDisposable
{
    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(120);
    private readonly EmbeddedKafka _kafka;
    private readonly string _prefix;
    private readonly string _sinkFolder;
    private readonly string[] _workerSettings;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(100) };

    /// <summary>A cluster whose workers take <paramref name="workerSettings"/> (key=value) too.</summary>
    public RestCluster(
        EmbeddedKafka kafka,
        string prefix,
        string sinkFolder,
        params string[] workerSettings
    )
    {
        _kafka = kafka;
        _prefix = prefix;
        _sinkFolder = sinkFolder;
        _workerSettings = workerSettings;
    }

    public List<RestWorker> Workers { get; } = [];

    /// <summary>A new worker process; <paramref name="settings"/> are more worker keys (key=value).</summary>
    public RestWorker Start(params string[] settings) => Start(FreePort(), settings);

    /// <summary>A new process in place of <paramref name="stopped"/>, on its port (so with its worker id).</summary>
    public RestWorker Restart(RestWorker stopped)
    {
        var index = Workers.IndexOf(stopped);
        stopped.Process.Process.Dispose();
        Workers.RemoveAt(index);
        var worker = Start(stopped.Port, []);
        Workers.Remove(worker);
        Workers.Insert(index, worker);
        return worker;
    }

    /// <summary>The group's leader: the worker that claims the config topic's partition 0.</summary>
    public RestWorker Leader(KConnector.Distributed.KafkaConfigBackingStore configs) =>
        Workers.Single(w => w.Id == configs.PartitionOwners[0]);

    /// <summary>Waits until every worker is in the group (by its claim) and answers REST.</summary>
    public async Task WaitForGroupAsync(KConnector.Distributed.KafkaConfigBackingStore configs) =>
        await WaitForAsync(
            async () =>
                configs.PartitionOwners.Values.ToHashSet().SetEquals(Workers.Select(w => w.Id))
                && (await Task.WhenAll(Workers.Select(w => w.GetAsync("/connectors")))).All(a =>
                    a.Status == HttpStatusCode.OK
                ),
            $"{Workers.Count} workers in the group, each serving REST",
            () =>
                string.Join(
                    "\n",
                    Workers.Select(w =>
                        w.Id + ": " + string.Join("\n", w.Process.Process.Output.TakeLast(5))
                    )
                )
        );

    private RestWorker Start(int port, string[] settings)
    {
        var process = WorkerProcess.Start([
            "distributed",
            _kafka.BootstrapServers,
            "connect-cluster",
            _prefix,
            _sinkFolder,
            "3000",
            "listeners=http://127.0.0.1:"
                + port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            .. _workerSettings,
            .. settings,
        ]);
        var worker = new RestWorker(new DistributedProcess(process), port, _http);
        Workers.Add(worker);
        return worker;
    }

    /// <summary>Waits for an asynchronous condition, failing with what it last saw.</summary>
    public static async Task WaitForAsync(
        Func<Task<bool>> condition,
        string what,
        Func<string> seen
    )
    {
        var deadline = DateTime.UtcNow + Wait;
        while (!await condition())
        {
            Assert.True(
                DateTime.UtcNow < deadline,
                $"Timed out after {Wait} waiting for {what}.\n{seen()}"
            );
            await Task.Delay(200);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        foreach (var worker in Workers)
        {
            worker.Process.Process.Dispose();
        }
        _http.Dispose();
    }
}

/// <summary>One worker process and its REST API.</summary>
internal sealed class RestWorker(DistributedProcess process, int port, HttpClient http)
{
    public DistributedProcess Process { get; } = process;

    public int Port => port;

    public string Id =>
        "127.0.0.1:" + port.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public async Task<(HttpStatusCode Status, JsonNode? Body)> SendAsync(
        HttpMethod method,
        string path,
        JsonNode? body = null
    )
    {
        using var request = new HttpRequestMessage(method, $"http://{Id}{path}");
        if (body is not null)
        {
            request.Content = new StringContent(
                body.ToJsonString(),
                Encoding.UTF8,
                "application/json"
            );
        }
        try
        {
            using var response = await http.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            return (response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text));
        }
        catch (HttpRequestException)
        {
            return (0, null); // Not listening yet.
        }
    }

    public Task<(HttpStatusCode Status, JsonNode? Body)> GetAsync(string path) =>
        SendAsync(HttpMethod.Get, path);
}
