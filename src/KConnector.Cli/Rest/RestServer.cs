using KConnector.Compiler.Rest;
using KConnector.Hosting;
using KConnector.Rest;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KConnector.Cli.Rest;

/// <summary>
/// <c>kconnector run</c>'s REST server: Kestrel on the <c>listeners</c>, serving Kafka Connect's
/// REST API (KConnector.Rest) over the standalone worker through the hosted worker's call
/// (<c>AddKafkaConnectRestApi</c> with the worker keys), with the connectors created over REST
/// compiled as specs (<see cref="RestConnectorFactory"/>) and kept in
/// <c>config.storage.file.filename</c> when it is given.
/// </summary>
internal sealed class RestServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private RestServer(WebApplication app) => _app = app;

    /// <summary>The addresses Kestrel listens on (a port 0 resolved).</summary>
    public IReadOnlyList<string> Addresses => [.. _app.Urls];

    public static async Task<RestServer> StartAsync(
        IReadOnlyDictionary<string, string> workerSettings,
        IConnectorController worker,
        LoggerLevels levels,
        CancellationToken cancellationToken
    )
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<IConnectorController>(worker);
        builder.Services.AddSingleton(levels);
        builder.Services.AddSingleton<IConnectorFactory>(new RestConnectorFactory(workerSettings));
        // The hosted worker's road: listeners, HTTPS, basic auth, the configs file and metrics.
        builder.AddKafkaConnectRestApi(workerSettings);
        var app = builder.Build();
        app.MapKafkaConnectRestApi();
        // Kafka Connect's answer to a path it does not serve.
        app.MapFallback(context =>
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return context.Response.WriteAsJsonAsync(
                new KConnector.Rest.Model.ErrorMessage(404, "HTTP 404 Not Found"),
                cancellationToken
            );
        });
        // Started: listening, the worker id set and the connectors kept from the last run running.
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        return new RestServer(app);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None).ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
