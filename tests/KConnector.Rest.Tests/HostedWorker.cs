using KConnector.Compiler;
using KConnector.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace KConnector.Rest.Tests;

/// <summary>
/// A hosted worker as a user's Program.cs makes it (the template's): a web application with
/// <c>AddKConnectorWorker</c>, <c>AddKafkaConnectRestApi(worker section)</c> (Kestrel on the
/// worker's <c>listeners</c>, configs kept in <c>config.storage.file.filename</c>) and
/// <c>AddCompiledConnectorFactory</c>, <c>kconnector run</c>'s factory: connectors are created
/// over REST only, none in code.
/// </summary>
internal sealed class HostedWorker : IAsyncDisposable
{
    private readonly WebApplication _app;

    private HostedWorker(WebApplication app)
    {
        _app = app;
        Address = new Uri(app.Urls.First());
        Client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(120) };
    }

    /// <summary>The REST API's address (a free port of 127.0.0.1).</summary>
    public Uri Address { get; }

    public HttpClient Client { get; }

    /// <summary>Starts one over <paramref name="session"/>'s folder: its offsets and configs files.</summary>
    public static async Task<HostedWorker> StartAsync(OperatorSession session, string bootstrap)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(
            new Dictionary<string, string?>
            {
                ["Worker:bootstrap.servers"] = bootstrap,
                ["Worker:listeners"] = "http://127.0.0.1:0",
                ["Worker:offset.storage.file.filename"] = Path.Combine(
                    session.Folder,
                    "connect.offsets"
                ),
                ["Worker:config.storage.file.filename"] = Path.Combine(
                    session.Folder,
                    "connectors.json"
                ),
                ["Worker:offset.flush.interval.ms"] = "200",
            }
        );
        var worker = builder.Configuration.GetSection("Worker");
        builder.Services.AddKConnectorWorker(worker);
        builder.AddKafkaConnectRestApi(worker);
        builder.Services.AddCompiledConnectorFactory(worker);
        var app = builder.Build();
        app.MapKafkaConnectRestApi();
        await app.StartAsync();
        return new HostedWorker(app);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
