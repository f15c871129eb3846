using KConnector.Configuration;
using KConnector.Worker;
using Microsoft.Extensions.Logging;

namespace KConnector.GeneratedCode;

/// <summary>
/// A connector whose typed config class (generated from a spec or a [SourceConnector] /
/// [SinkConnector] class) validated its settings: the values the worker reads its own keys from
/// (<c>tasks.max</c>, <c>topics</c>, <c>errors.*</c>, <c>offset.*</c>, client overrides) and how to
/// build one of its tasks from that task's <see cref="WorkerOptions"/>. What the generated
/// <c>Add{Name}Connector</c> hands to <see cref="GeneratedConnectorRegistration.AddValidatedConnector"/>.
/// </summary>
public sealed class ValidatedConnector
{
    /// <summary>Creates the connector from its validated config and its task factory.</summary>
    public ValidatedConnector(
        ParsedConfig config,
        Func<WorkerOptions, ILogger, IConnectTask> createTask
    )
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(createTask);
        Config = config;
        CreateTask = createTask;
    }

    /// <summary>The validated config (every value given, resolved, and the keys' defaults).</summary>
    public ParsedConfig Config { get; }

    /// <summary>Builds one task; each task gets its own task object, converters and registry clients.</summary>
    public Func<WorkerOptions, ILogger, IConnectTask> CreateTask { get; }
}
