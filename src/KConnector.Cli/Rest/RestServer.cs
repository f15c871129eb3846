using System.Security.Cryptography.X509Certificates;
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
/// REST API (KConnector.Rest) over the standalone worker, and its metrics when the worker keys ask, with the connectors created over REST
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
        RestSettings settings,
        IReadOnlyDictionary<string, string> workerSettings,
        IConnectorController worker,
        LoggerLevels levels,
        CancellationToken cancellationToken
    )
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls([.. settings.Listeners]);
        if (settings.KeystoreLocation is { } keystore)
        {
            var certificate = Certificate(keystore, settings.KeystorePassword?.Value);
            // The slim builder leaves HTTPS out until asked (trimmed workers without TLS stay small).
            builder.WebHost.UseKestrelHttpsConfiguration();
            builder.WebHost.ConfigureKestrel(k =>
                k.ConfigureHttpsDefaults(https => https.ServerCertificate = certificate)
            );
        }
        var users = settings.Users();
        builder.Services.AddSingleton<IConnectorController>(worker);
        builder.Services.AddSingleton(levels);
        builder.Services.AddSingleton<IConnectorFactory>(new RestConnectorFactory(workerSettings));
        if (settings.ConfigFile is { } file)
        {
            builder.Services.AddSingleton<IConnectorConfigStore>(
                new FileConnectorConfigStore(file)
            );
        }
        // metrics.prometheus.enable serves /metrics on these listeners; metrics.otlp.* pushes.
        builder.Services.AddKafkaConnectMetrics(workerSettings);
        builder.Services.AddKafkaConnectRestApi(o =>
        {
            foreach (var (user, password) in users)
            {
                o.BasicAuthUsers[user] = password;
            }
        });
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
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var server = new RestServer(app);
        var options = app
            .Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<KafkaConnectRestOptions>>()
            .Value;
        options.WorkerId = new Uri(app.Urls.First()).Authority;
        return server;
    }

    /// <summary>Runs again the connectors created over REST before the last stop, in their state.</summary>
    public Task RestoreAsync(CancellationToken cancellationToken) =>
        _app.Services.RestoreStoredConnectorsAsync(cancellationToken);

    // A PKCS#12 key store (.pfx, .p12) or a PEM file holding the certificate and its key.
    private static X509Certificate2 Certificate(string location, string? password)
    {
        var extension = Path.GetExtension(location).ToUpperInvariant();
        if (extension is ".PEM" or ".CRT")
        {
            return string.IsNullOrEmpty(password)
                ? X509Certificate2.CreateFromPemFile(location)
                : X509Certificate2.CreateFromEncryptedPemFile(location, password);
        }
        return X509CertificateLoader.LoadPkcs12FromFile(location, password);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None).ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
