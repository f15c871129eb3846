using KConnector.Compiler.Rest;
using KConnector.Rest;
using KConnector.Rest.Server;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace KConnector.Compiler;

/// <summary>
/// Lets a hosted worker's REST API create and reconfigure connectors (<c>POST /connectors</c>,
/// <c>PUT .../config</c>, <c>PUT /connector-plugins/{type}/config/validate</c>) the way
/// <c>kconnector run</c> does, through the same <see cref="IConnectorFactory"/>.
/// </summary>
public static class CompiledConnectorFactoryServiceCollectionExtensions
{
    /// <summary>
    /// Registers the <see cref="IConnectorFactory"/> of <c>kconnector run</c>: a config given over
    /// REST, of any connector plugin the host references (a <c>KConnector.Connectors.*</c>
    /// package) or the worker configuration's <c>plugin.path</c> holds (docs/worker.md), is compiled at run time by KConnector's generator as a <c>*.connector.json</c> of
    /// the same keys, checked as <c>kconnector validate</c> checks a spec, and registered through
    /// the generated <c>Add{Name}Connector</c> over the worker keys of
    /// <paramref name="workerConfiguration"/> (the section given to <c>AddKConnectorWorker</c>).
    /// Record types: the schema file <c>value.schema</c> / <c>key.schema</c> names (relative to the
    /// working directory), the Schema Registry's latest schema of the topic's subject
    /// (AvroConverter), or schemaless strings and bytes. Needs the JIT (not Native AOT).
    /// </summary>
    public static IServiceCollection AddCompiledConnectorFactory(
        this IServiceCollection services,
        IConfiguration workerConfiguration
    )
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(workerConfiguration);
        var worker = WorkerSettings.Flatten(workerConfiguration);
        services.TryAddSingleton<IConnectorFactory>(new RestConnectorFactory(worker));
        return services;
    }
}
