using KConnector.Configuration;
using KConnector.Hosting;
using KConnector.Worker;
using Microsoft.Extensions.DependencyInjection;

namespace KConnector.GeneratedCode;

/// <summary>
/// Registers a connector that generated code validated: the call behind every generated
/// <c>Add{Name}Connector</c> extension. Not an extension method itself, so it stays out of the
/// registration methods a user sees on <see cref="IServiceCollection"/>
/// (<see cref="KConnectorServiceCollectionExtensions"/>).
/// </summary>
public static class GeneratedConnectorRegistration
{
    /// <summary>
    /// Adds a connector whose typed config class validates its settings: what the generated
    /// <c>Add{Name}Connector</c> extensions call. <paramref name="validate"/> runs when the host
    /// starts and throws a <see cref="Configuration.ConfigValidationException"/> listing every key at
    /// fault, so that a host with an invalid config fails to start. The worker (added here when it
    /// is not yet) runs <c>tasks.max</c> tasks, or <paramref name="taskLimit"/> when the connector
    /// cannot split its work.
    /// </summary>
    public static IServiceCollection AddValidatedConnector(
        IServiceCollection services,
        bool isSink,
        Func<IServiceProvider, ValidatedConnector> validate,
        int? taskLimit = null
    )
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(validate);
        services.AddKConnectorWorker();
        services.AddSingleton(ConnectorRegistration.ForValidated(isSink, validate, taskLimit));
        return services;
    }
}
