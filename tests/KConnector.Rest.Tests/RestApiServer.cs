using KConnector.Connectors;
using KConnector.Hosting;
using KConnector.Kafka;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KConnector.Rest.Tests;

/// <summary>
/// Kestrel on 127.0.0.1 (a free port) serving the REST API over a real worker on the embedded
/// Kafka cluster, as a hosted worker adds it: <c>AddKafkaConnectRestApi</c> and
/// <c>MapKafkaConnectRestApi</c>, with the <see cref="CountingPlugin"/> as its connector factory.
/// </summary>
internal sealed class RestApiServer : IAsyncDisposable
{
    private readonly EmbeddedKafka _kafka;
    private readonly ConnectorEnvironment _environment;
    private readonly WebApplication _app;

    private RestApiServer(
        EmbeddedKafka kafka,
        ConnectorEnvironment environment,
        ConnectWorker worker,
        WebApplication app
    )
    {
        _kafka = kafka;
        _environment = environment;
        Worker = worker;
        _app = app;
        Client = new HttpClient
        {
            BaseAddress = new Uri(app.Urls.First()),
            Timeout = TimeSpan.FromSeconds(60),
        };
    }

    public ConnectWorker Worker { get; }

    public HttpClient Client { get; }

    /// <summary>Starts it; <paramref name="workerSettings"/> are further worker keys (metrics.*, topic.tracking.*, bootstrap.servers), given to the worker and to <c>AddKafkaConnectMetrics</c>.</summary>
    public static async Task<RestApiServer> StartAsync(
        IReadOnlyDictionary<string, string>? users = null,
        IReadOnlyDictionary<string, string>? workerSettings = null
    )
    {
        var kafka = EmbeddedKafka.Start(brokerCount: 1, initialRebalanceDelay: TimeSpan.Zero);
        kafka.CreateTopic("numbers", partitions: 1);
        var environment = new ConnectorEnvironment();
        // The embedded cluster's, unless the test names other servers (an unreachable cluster).
        var settings = new Dictionary<string, string>
        {
            ["bootstrap.servers"] = kafka.BootstrapServers,
            ["offset.flush.interval.ms"] = "0",
        };
        foreach (var (key, value) in workerSettings ?? new Dictionary<string, string>())
        {
            settings[key] = value;
        }
        var worker = new ConnectWorker(settings, [], environment);
        await worker.StartAsync(CancellationToken.None);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddSingleton<IConnectorController>(worker);
        builder.Services.AddSingleton<IConnectorFactory>(new CountingPlugin());
        builder.Services.AddKafkaConnectMetrics(settings);
        builder.Services.AddKafkaConnectRestApi(o =>
        {
            o.WorkerId = "127.0.0.1:8083";
            foreach (var (user, password) in users ?? new Dictionary<string, string>())
            {
                o.BasicAuthUsers[user] = password;
            }
        });
        var app = builder.Build();
        app.MapKafkaConnectRestApi();
        await app.StartAsync();
        return new RestApiServer(kafka, environment, worker, app);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        await Worker.DisposeAsync();
        _environment.Dispose();
        _kafka.Dispose();
    }
}
