using KConnector.Rest.Endpoints;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace KConnector.Rest;

/// <summary>Registers what <see cref="KafkaConnectRestEndpoints.MapKafkaConnectRestApi"/> serves.</summary>
public static class KafkaConnectRestServiceCollectionExtensions
{
    /// <summary>
    /// Adds Kafka Connect's REST API over the worker's <see cref="Hosting.IConnectorController"/>
    /// (<c>AddKConnectorWorker</c> registers it). Register an <see cref="IConnectorFactory"/> to let
    /// REST create and reconfigure connectors, and an <see cref="IConnectorConfigStore"/> to keep them.
    /// </summary>
    public static IServiceCollection AddKafkaConnectRestApi(
        this IServiceCollection services,
        Action<KafkaConnectRestOptions>? configure = null
    )
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<KafkaConnectRestOptions>();
        if (configure is not null)
        {
            services.Configure(configure);
        }
        services.TryAddSingleton<LoggerLevels>(_ => new LoggerLevels());
        services.TryAddSingleton<ConnectRestApi>();
        services.TryAddSingleton<RequestForwarder>();
        services.ConfigureHttpJsonOptions(o =>
            o.SerializerOptions.TypeInfoResolverChain.Insert(0, KafkaConnectJsonContext.Default)
        );
        return services;
    }

    /// <summary>
    /// Runs the connectors an <see cref="IConnectorConfigStore"/> kept (created over REST before the
    /// worker last stopped), each in the state it was left in; call it once the worker has started.
    /// </summary>
    public static Task RestoreStoredConnectorsAsync(
        this IServiceProvider services,
        CancellationToken cancellationToken
    )
    {
        ArgumentNullException.ThrowIfNull(services);
        return services.GetRequiredService<ConnectRestApi>().RestoreAsync(cancellationToken);
    }
}
