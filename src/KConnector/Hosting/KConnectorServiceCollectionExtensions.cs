using KConnector.Configuration;
using KConnector.Connectors;
using KConnector.Converters;
using KConnector.Tasks;
using KConnector.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace KConnector.Hosting;

/// <summary>Registers a KConnector worker and its connectors with a .NET host.</summary>
public static class KConnectorServiceCollectionExtensions
{
    /// <summary>
    /// Adds the worker (an <see cref="IHostedService"/>) and <see cref="IConnectorController"/>.
    /// <paramref name="workerConfiguration"/> holds worker keys such as <c>bootstrap.servers</c>
    /// and <c>offset.storage.file.filename</c>; nested sections join with dots. Idempotent: every
    /// connector registered on this collection runs on one worker, and a second call only adds
    /// its settings (the generated <c>Add{Name}Connector</c> extensions add the worker themselves).
    /// </summary>
    public static IServiceCollection AddKConnectorWorker(
        this IServiceCollection services,
        IConfiguration workerConfiguration
    )
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(workerConfiguration);
        services
            .AddOptions<ConnectWorkerOptions>()
            .Configure(options =>
            {
                foreach (
                    var (key, value) in workerConfiguration.AsEnumerable(makePathsRelative: true)
                )
                {
                    if (value is not null)
                    {
                        options.Settings[key.Replace(':', '.')] = value;
                    }
                }
                options.BootstrapServers = options.Settings.TryGetValue(
                    "bootstrap.servers",
                    out var servers
                )
                    ? servers
                    : null;
            });
        return services.AddKConnectorWorker();
    }

    /// <summary>
    /// Adds the worker with no worker-level settings (each connector's own, or an embedded,
    /// non-durable cluster when none names <c>bootstrap.servers</c>), unless it was added already.
    /// </summary>
    public static IServiceCollection AddKConnectorWorker(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (services.Any(d => d.ServiceType == typeof(ConnectWorker)))
        {
            return services;
        }
        services.AddOptions<ConnectWorkerOptions>();
        services.TryAddSingleton<ConnectorEnvironment>();
        services.AddSingleton<ConnectWorker>();
        services.AddSingleton<IConnectorController>(sp => sp.GetRequiredService<ConnectWorker>());
        services.AddHostedService(sp => sp.GetRequiredService<ConnectWorker>());
        return services;
    }

    /// <summary>
    /// Adds a source connector configured by <paramref name="connectorConfiguration"/> (Kafka
    /// Connect's keys: <c>name</c>, <c>tasks.max</c>, <c>errors.*</c>, ...). Each of its
    /// <c>tasks.max</c> tasks gets its own task and converters from the factories.
    /// </summary>
    public static IServiceCollection AddSourceConnector<TKey, TValue>(
        this IServiceCollection services,
        IConfiguration connectorConfiguration,
        Func<IServiceProvider, WorkerOptions, ISourceTask<TKey, TValue>> task,
        Func<IServiceProvider, IConverter<TKey>> keyConverter,
        Func<IServiceProvider, IConverter<TValue>> valueConverter
    )
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton(
            new ConnectorRegistration(
                connectorConfiguration,
                isSink: false,
                (sp, options, logger) =>
                    new SourceTaskRunner<TKey, TValue>(
                        options,
                        task(sp, options),
                        keyConverter(sp),
                        valueConverter(sp),
                        logger
                    )
            )
        );
        return services;
    }

    /// <summary>
    /// Adds a sink connector configured by <paramref name="connectorConfiguration"/> (Kafka Connect's
    /// keys: <c>name</c>, <c>topics</c> or <c>topics.regex</c>, <c>tasks.max</c>, <c>errors.*</c>, ...).
    /// Its <c>tasks.max</c> tasks join one consumer group and share the partitions.
    /// </summary>
    public static IServiceCollection AddSinkConnector<TKey, TValue>(
        this IServiceCollection services,
        IConfiguration connectorConfiguration,
        Func<IServiceProvider, WorkerOptions, ISinkTask<TKey, TValue>> task,
        Func<IServiceProvider, IConverter<TKey>> keyConverter,
        Func<IServiceProvider, IConverter<TValue>> valueConverter
    )
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton(
            new ConnectorRegistration(
                connectorConfiguration,
                isSink: true,
                (sp, options, logger) =>
                    new SinkTaskRunner<TKey, TValue>(
                        options,
                        task(sp, options),
                        keyConverter(sp),
                        valueConverter(sp),
                        logger
                    )
            )
        );
        return services;
    }
}
