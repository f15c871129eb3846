using KConnector.Connectors;
using KConnector.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace KConnector.Distributed;

/// <summary>Registers a distributed worker (Kafka Connect's distributed mode) with a .NET host.</summary>
public static class DistributedWorkerServiceCollectionExtensions
{
    /// <summary>
    /// Adds a <see cref="DistributedWorker"/> as a hosted service: <paramref name="workerConfiguration"/>
    /// holds the worker keys (<c>group.id</c>, <c>config.storage.topic</c>, <c>offset.storage.topic</c>,
    /// <c>status.storage.topic</c>, <c>bootstrap.servers</c>, ...; nested sections join with dots);
    /// <paramref name="connectors"/> makes the registration of a connector's config as the config
    /// topic holds it (by its <c>connector.class</c>). The worker's keys are checked when the host
    /// starts (a missing one throws, named). The worker is also the <see cref="IConnectorController"/>
    /// Kafka Connect's REST API serves on every worker.
    /// </summary>
    public static IServiceCollection AddKConnectorDistributedWorker(
        this IServiceCollection services,
        IConfiguration workerConfiguration,
        Func<
            IServiceProvider,
            IReadOnlyDictionary<string, string>,
            ConnectorRegistration
        > connectors
    )
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(workerConfiguration);
        ArgumentNullException.ThrowIfNull(connectors);
        services.TryAddSingleton<ConnectorEnvironment>();
        services.AddSingleton(sp =>
        {
            var settings = workerConfiguration
                .AsEnumerable(makePathsRelative: true)
                .Where(kv => kv.Value is not null)
                .ToDictionary(
                    kv => kv.Key.Replace(':', '.'),
                    kv => kv.Value!,
                    StringComparer.Ordinal
                );
            return new DistributedWorker(
                settings,
                config => connectors(sp, config),
                sp.GetRequiredService<ConnectorEnvironment>(),
                sp.GetService<ILoggerFactory>()
            );
        });
        services.AddHostedService(sp => sp.GetRequiredService<DistributedWorker>());
        // What KConnector.Rest's AddKafkaConnectRestApi serves (docs/distributed.md).
        services.TryAddSingleton<IConnectorController>(sp =>
            sp.GetRequiredService<DistributedWorker>()
        );
        return services;
    }
}
