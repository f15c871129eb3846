using KConnector.Configuration;
using KConnector.Rest.Server;
using KConnector.Worker;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace KConnector.Rest;

/// <summary>
/// A hosted worker's one call to serve Kafka Connect's REST API where the worker keys say, as
/// <c>kconnector run</c> does: <c>builder.AddKafkaConnectRestApi(workerSection)</c>, then
/// <c>app.MapKafkaConnectRestApi()</c>.
/// </summary>
public static class KafkaConnectRestWebApplicationBuilderExtensions
{
    /// <summary>
    /// Serves the REST API on the worker's <c>listeners</c> (Kafka Connect's key; default
    /// <c>http://127.0.0.1:8083</c>, the loopback only, where Kafka Connect binds every interface),
    /// with HTTPS from <c>listeners.https.ssl.keystore.*</c>, basic authentication from
    /// <c>rest.basic.auth.users.file</c>, the connectors created over REST kept in
    /// <c>config.storage.file.filename</c> and run again at the next start, and the metrics export
    /// of <c>metrics.*</c>. <paramref name="workerConfiguration"/> is the section given to
    /// <c>AddKConnectorWorker</c> (nested sections join with dots). Throws a
    /// <see cref="ConfigValidationException"/> naming a key with a bad value, and for an empty
    /// <c>listeners</c>: a hosted worker that should serve no API leaves this call out.
    /// </summary>
    public static WebApplicationBuilder AddKafkaConnectRestApi(
        this WebApplicationBuilder builder,
        IConfiguration workerConfiguration
    )
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(workerConfiguration);
        return builder.AddKafkaConnectRestApi(WorkerSettings.Flatten(workerConfiguration));
    }

    /// <summary><c>kconnector run</c>'s road: the worker keys as read from its properties file.</summary>
    internal static WebApplicationBuilder AddKafkaConnectRestApi(
        this WebApplicationBuilder builder,
        IReadOnlyDictionary<string, string> workerSettings
    )
    {
        var settings = RestServerSettings.From(workerSettings);
        if (!settings.Serves)
        {
            throw new ConfigValidationException(
                "worker",
                [
                    new ConfigIssue(
                        ConnectorConfig.ListenersKey,
                        "is empty: the REST API needs at least one listener (leave AddKafkaConnectRestApi out to serve none)"
                    ),
                ]
            );
        }
        builder.WebHost.UseUrls([.. settings.Listeners]);
        if (settings.KeystoreLocation is { } keystore)
        {
            var certificate = ListenerCertificate.Load(keystore, settings.KeystorePassword?.Value);
            // The slim builder leaves HTTPS out until asked (trimmed workers without TLS stay small).
            builder.WebHost.UseKestrelHttpsConfiguration();
            builder.WebHost.ConfigureKestrel(k =>
                k.ConfigureHttpsDefaults(https => https.ServerCertificate = certificate)
            );
        }
        var users = settings.Users();
        if (settings.ConfigFile is { } file)
        {
            builder.Services.TryAddSingleton<IConnectorConfigStore>(
                new FileConnectorConfigStore(file)
            );
        }
        builder.Services.AddKafkaConnectMetrics(workerSettings);
        builder.Services.AddKafkaConnectRestApi(o =>
        {
            foreach (var (user, password) in users)
            {
                o.BasicAuthUsers[user] = password;
            }
        });
        builder.Services.AddHostedService<RestServerStart>();
        return builder;
    }
}
