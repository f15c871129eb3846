using KConnector.Worker;

namespace KConnector.Compiler.Running;

/// <summary>
/// Sorts <c>kconnector run</c>'s <c>--set</c> values into the worker's settings and the
/// connectors' (as Kafka Connect's standalone mode reads a worker properties file and connector
/// configs), and fills in what a standalone worker needs when they are not given: the source
/// offsets file and the commit interval.
/// </summary>
internal sealed class StandaloneSettings
{
    /// <summary>
    /// Where source offsets go when <c>offset.storage.file.filename</c> is not given and a real
    /// cluster is: Kafka Connect's file name (its sample <c>connect-standalone.properties</c> has
    /// <c>/tmp/connect.offsets</c>), in the working directory so that it outlives a reboot.
    /// </summary>
    public const string DefaultOffsetsFile = "connect.offsets";

    /// <summary>
    /// The commit interval when <c>offset.flush.interval.ms</c> is not given: 1 s instead of Kafka
    /// Connect's 60 s, so that progress and <c>--max-records</c> see records as they commit and a
    /// crash repeats little.
    /// </summary>
    public const string DefaultFlushIntervalMs = "1000";

    private StandaloneSettings(
        Dictionary<string, string> worker,
        Dictionary<string, string> connector,
        string offsets
    )
    {
        Worker = worker;
        Connector = connector;
        OffsetsDescription = offsets;
    }

    /// <summary>The worker's keys: the defaults of every connector's.</summary>
    public IReadOnlyDictionary<string, string> Worker { get; }

    /// <summary>The values every connector's spec values are overridden with.</summary>
    public IReadOnlyDictionary<string, string> Connector { get; }

    /// <summary>Where source offsets are kept, for the run's first lines.</summary>
    public string OffsetsDescription { get; }

    /// <summary>
    /// Sorts <paramref name="overrides"/>: a worker key (<see cref="ConnectorConfig.IsWorkerKey"/>)
    /// goes to the worker, and to the connectors too when their keys include it
    /// (<c>bootstrap.servers</c>, which a spec may name); any other key to the connectors, whose
    /// validation refuses a key they do not know.
    /// </summary>
    public static StandaloneSettings From(
        IReadOnlyDictionary<string, string> overrides,
        IReadOnlyList<CompiledConnector> connectors
    )
    {
        var worker = new Dictionary<string, string>(StringComparer.Ordinal);
        var connector = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in overrides)
        {
            if (!ConnectorConfig.IsWorkerKey(key))
            {
                connector[key] = value;
                continue;
            }
            worker[key] = value;
            if (connectors.Any(c => c.Definition.Find(key) is not null))
            {
                connector[key] = value;
            }
        }
        worker.TryAdd(ConnectorConfig.OffsetFlushIntervalKey, DefaultFlushIntervalMs);
        return new StandaloneSettings(worker, connector, ChooseOffsets(worker, connectors));
    }

    // With a real cluster, offsets must outlive the process (or a second run sends every record
    // again); with the embedded cluster, whose records die with the process, they must not (or a
    // second run would skip records the new cluster never had).
    private static string ChooseOffsets(
        Dictionary<string, string> worker,
        IReadOnlyList<CompiledConnector> connectors
    )
    {
        if (Given(worker, ConnectorConfig.OffsetStorageFileNameKey) is { } file)
        {
            return $"in {Path.GetFullPath(file)} (offset.storage.file.filename)";
        }
        if (Given(worker, ConnectorConfig.OffsetStorageTopicKey) is { } topic)
        {
            return $"in the topic {topic} (offset.storage.topic)";
        }
        var realCluster =
            Given(worker, ConnectorConfig.BootstrapServersKey) is not null
            || connectors.Any(c =>
                c.SpecValues.GetValueOrDefault(ConnectorConfig.BootstrapServersKey)
                    is { Length: > 0 }
            );
        if (!realCluster)
        {
            return "in memory, as the embedded cluster's records: set bootstrap.servers and offset.storage.file.filename to resume where a run stopped";
        }
        worker[ConnectorConfig.OffsetStorageFileNameKey] = DefaultOffsetsFile;
        return $"in {Path.GetFullPath(DefaultOffsetsFile)} (offset.storage.file.filename, the default): the next run resumes there";
    }

    private static string? Given(Dictionary<string, string> settings, string key) =>
        settings.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value)
            ? value
            : null;
}
