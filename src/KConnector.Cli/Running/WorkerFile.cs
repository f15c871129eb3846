using KConnector.Compiler;
using KConnector.Compiler.Running;
using KConnector.Generator.Connectors;
using KConnector.Worker;

namespace KConnector.Cli.Running;

/// <summary>
/// The worker config among <c>kconnector</c>'s inputs: a <c>.properties</c> file without
/// <c>connector.class</c>, as <c>connect-standalone worker.properties connector.properties...</c>
/// takes it. Its keys are the worker's (<see cref="ConnectorConfig.IsWorkerKey"/>); any other key
/// is refused naming the file and the key, with a did-you-mean.
/// </summary>
internal static class WorkerFile
{
    /// <summary>The worker config among <paramref name="paths"/> (at most one), and the connector specs.</summary>
    public static (PropertiesSpec? Worker, IReadOnlyList<string> Specs, string? Error) Split(
        IEnumerable<string> paths
    )
    {
        PropertiesSpec? worker = null;
        var specs = new List<string>();
        foreach (var path in paths)
        {
            if (
                PropertiesSpec.IsProperties(path)
                && PropertiesSpec.Read(path) is { IsConnector: false } config
            )
            {
                if (worker is not null)
                {
                    return (
                        null,
                        [],
                        $"{config.Path}: a second worker config (it names no connector.class); give one, as connect-standalone takes one"
                    );
                }
                worker = config;
                continue;
            }
            specs.Add(path);
        }
        return (worker, specs, null);
    }

    /// <summary>
    /// The worker config's settings (empty when none is given) and the connector specs among
    /// <paramref name="inputs"/>; null settings, with the errors written, when the worker config is
    /// wrong.
    /// </summary>
    public static async Task<(
        IReadOnlyDictionary<string, string>? Worker,
        IReadOnlyList<string> Specs
    )> ReadAsync(IEnumerable<FileInfo> inputs, TextWriter error)
    {
        var (worker, specs, twoWorkers) = Split(inputs.Select(i => i.FullName));
        IReadOnlyList<string> errors =
            twoWorkers is not null ? [twoWorkers]
            : worker is not null ? UnknownKeys(worker)
            : [];
        foreach (var line in errors)
        {
            await error.WriteLineAsync(line).ConfigureAwait(false);
        }
        return errors.Count > 0
            ? (null, specs)
            : (worker?.Values ?? new Dictionary<string, string>(StringComparer.Ordinal), specs);
    }

    /// <summary>
    /// One line per key of <paramref name="worker"/> that is not a worker's, and one for a
    /// <c>group.id</c>: distributed mode is <c>kconnector distributed</c> (docs/distributed.md), and
    /// running standalone instead of the cluster the file asks for would mislead.
    /// </summary>
    public static IReadOnlyList<string> UnknownKeys(PropertiesSpec worker) =>
        [
            .. KConnector.Distributed.DistributedConfig.IsDistributed(worker.Values)
                ?
                [
                    $"{worker.Path}: \"group.id\" asks for distributed mode: run it with kconnector distributed {worker.Path} (connectors are then created over its REST API, docs/distributed.md), or remove group.id to run standalone",
                ]
                : Array.Empty<string>(),
            .. NotWorkerKeys(worker),
        ];

    /// <summary>One line per key of <paramref name="worker"/> that is not a worker's, with a did-you-mean.</summary>
    public static IEnumerable<string> NotWorkerKeys(PropertiesSpec worker) =>
        worker
            .Values.Keys.Where(k => !ConnectorConfig.IsWorkerKey(k))
            .Select(k =>
                $"{worker.Path}: \"{k}\" is not a key of the worker (a worker config names no connector.class).{EditDistance.Suggestion(k, ConnectorConfig.WorkerKeyNames)}"
            );

    /// <summary>
    /// What is wrong with the worker's <c>plugin.path</c> (an entry that is not a directory, a .dll
    /// that is not a .NET assembly, a name two plugins answer to), naming the key and the file;
    /// null when its plugins are found (<paramref name="plugins"/>, loaded once per process).
    /// </summary>
    public static string? PluginPath(
        IReadOnlyDictionary<string, string> settings,
        out Compiler.Plugins.PluginPath plugins
    )
    {
        try
        {
            plugins = Compiler.Plugins.PluginPath.For(settings);
            return null;
        }
        catch (KConnector.Errors.ConfigException e)
        {
            plugins = Compiler.Plugins.PluginPath.None;
            return e.Message;
        }
    }

    /// <summary>
    /// What is wrong with the worker's <c>config.providers</c> (a provider without a class, an
    /// unknown class, a wrong parameter), each naming its key; null when they can be created.
    /// </summary>
    public static string? ConfigProvidersError(IReadOnlyDictionary<string, string> settings)
    {
        try
        {
            _ = KConnector.Configuration.Providers.WorkerConfigProviders.CreateResolver(settings);
            return null;
        }
        catch (KConnector.Errors.ConfigException e)
        {
            return e.Message;
        }
    }
}
