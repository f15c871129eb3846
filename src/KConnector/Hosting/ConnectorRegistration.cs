using KConnector.Configuration;
using KConnector.GeneratedCode;
using KConnector.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace KConnector.Hosting;

/// <summary>
/// One connector a hosted worker runs: how to read and validate its settings when the host starts
/// (over the worker's settings, which are its defaults) and how to build one of its tasks.
/// Registered by <see cref="KConnectorServiceCollectionExtensions"/>.
/// </summary>
public sealed class ConnectorRegistration
{
    internal ConnectorRegistration(
        IConfiguration configuration,
        bool isSink,
        Func<IServiceProvider, WorkerOptions, ILogger, IConnectTask> createTask
    )
        : this(
            isSink,
            taskLimit: null,
            (services, workerSettings) =>
            {
                var settings = new Dictionary<string, string>(
                    workerSettings,
                    StringComparer.Ordinal
                );
                foreach (var (key, value) in configuration.AsEnumerable(makePathsRelative: true))
                {
                    if (value is not null)
                    {
                        settings[key.Replace(':', '.')] = value;
                    }
                }
                return new ConfiguredConnector(
                    ConnectorConfig.Parse(settings),
                    (options, logger) => createTask(services, options, logger)
                );
            }
        )
    {
        Configuration = configuration;
    }

    internal ConnectorRegistration(
        bool isSink,
        int? taskLimit,
        Func<IServiceProvider, IReadOnlyDictionary<string, string>, ConfiguredConnector> configure
    )
    {
        IsSink = isSink;
        TaskLimit = taskLimit;
        Configure = configure;
    }

    /// <summary>
    /// A connector whose typed config class validates its settings (generated from a spec or a
    /// <c>[SourceConnector]</c> / <c>[SinkConnector]</c> class): the one road from a validated
    /// config to running tasks that a host (<c>Add{Name}Connector</c>), a generated worker's
    /// <c>RunAsync</c> and <c>kconnector run</c> all take. <paramref name="validate"/> runs when the
    /// worker starts and throws a <see cref="Configuration.ConfigValidationException"/> listing every
    /// key at fault; the worker's settings are then the defaults of the connector's own.
    /// </summary>
    public static ConnectorRegistration ForValidated(
        bool isSink,
        Func<IServiceProvider, ValidatedConnector> validate,
        int? taskLimit = null
    )
    {
        ArgumentNullException.ThrowIfNull(validate);
        return new ConnectorRegistration(
            isSink,
            taskLimit,
            (services, workerSettings) =>
            {
                var connector = validate(services);
                return new ConfiguredConnector(
                    ConnectorConfig.Parse(
                        Merge(workerSettings, connector.Config),
                        connector.Config
                    ),
                    connector.CreateTask
                )
                {
                    Given = connector.Config,
                };
            }
        );
    }

    // The connector's keys' defaults, then the worker's settings, then the values the connector
    // was given: an empty given value (a spec's "bootstrap.servers": "") does not hide the worker's.
    private static Dictionary<string, string> Merge(
        IReadOnlyDictionary<string, string> workerSettings,
        ParsedConfig config
    )
    {
        var settings = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var key in config.Definition.Keys)
        {
            if (!string.IsNullOrEmpty(key.DefaultValue))
            {
                settings[key.Name] = key.DefaultValue;
            }
        }
        foreach (var (key, value) in workerSettings)
        {
            settings[key] = value;
        }
        foreach (var (key, value) in config.Originals)
        {
            if (!string.IsNullOrEmpty(value))
            {
                settings[key] = value;
            }
        }
        return settings;
    }

    /// <summary>
    /// Validates the connector's settings over <paramref name="workerSettings"/> as the worker does
    /// when it starts (the typed config's keys, the worker's keys, a sink's <c>topics</c> /
    /// <c>topics.regex</c> and dead-letter topic), without making a task: Kafka Connect's
    /// <c>validate</c> before a connector is created. Throws a <see cref="ConfigValidationException"/>
    /// naming every key at fault; <c>${provider:path:key}</c> references resolve through the
    /// worker's <c>config.providers</c> (a wrong one throws a <see cref="KConnector.Errors.ConfigException"/>
    /// naming its key).
    /// </summary>
    public void Validate(
        IReadOnlyDictionary<string, string> workerSettings,
        IServiceProvider? services = null
    ) => Check(services ?? NoServices.Instance, workerSettings);

    /// <summary>The worker's view of the connector's settings, validated (<see cref="Validate"/>).</summary>
    internal ConfiguredConnector Check(
        IServiceProvider services,
        IReadOnlyDictionary<string, string> workerSettings
    )
    {
        ArgumentNullException.ThrowIfNull(workerSettings);
        // The worker's config.providers (a wrong one is the worker's error, naming its key, before
        // any connector value is read): the connector's ${...} references resolve through them.
        var resolver = KConnector.Configuration.Providers.WorkerConfigProviders.CreateResolver(
            workerSettings
        );
        ConfiguredConnector? configured = null;
        try
        {
            using var _ = ConfigValueResolver.UseForWorker(resolver);
            configured = Configure(services, workerSettings);
            if (IsSink)
            {
                configured.Config.ValidateSink();
            }
        }
        catch (KConnector.Errors.ConfigException e)
        {
            var name =
                configured?.Config.Name ?? workerSettings.GetValueOrDefault("name") ?? "connector";
            throw new ConfigValidationException(name, [new ConfigIssue(e.Key, e.Message)]);
        }
        return configured;
    }

    /// <summary>The connector's settings section; null for a connector whose generated config class validates its settings.</summary>
    public IConfiguration? Configuration { get; }

    /// <summary>
    /// The connector config this registration was made of, exactly as given (over REST: the
    /// request's config, build-time keys such as <c>value.schema</c> included), when it was made
    /// of one; null otherwise. A distributed worker writes it to the config topic, from which every
    /// other worker makes its own registration of the same config.
    /// </summary>
    public IReadOnlyDictionary<string, string>? GivenConfig { get; set; }

    /// <summary>Whether the connector is a sink.</summary>
    public bool IsSink { get; }

    /// <summary>
    /// The most tasks the connector can use whatever its <c>tasks.max</c> (1 for a source that reads
    /// one file or endpoint and cannot split its work, as Kafka Connect's FileStreamSourceConnector
    /// returns one task config); null when it runs <c>tasks.max</c> tasks.
    /// </summary>
    public int? TaskLimit { get; }

    /// <summary>Validates the connector's settings over the worker's (throws naming the keys at fault).</summary>
    internal Func<
        IServiceProvider,
        IReadOnlyDictionary<string, string>,
        ConfiguredConnector
    > Configure { get; }
}

/// <summary>A connector whose settings were validated when the host started: the worker's view of them and its task factory.</summary>
internal sealed record ConfiguredConnector(
    ConnectorConfig Config,
    Func<WorkerOptions, ILogger, IConnectTask> CreateTask
)
{
    /// <summary>The values the connector was given, with its keys' definitions (which tell secrets); null for a connector read from an IConfiguration section.</summary>
    public ParsedConfig? Given { get; init; }
}
