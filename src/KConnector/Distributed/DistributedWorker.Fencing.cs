using Confluent.Kafka;
using KConnector.Hosting;
using KConnector.Worker;
using Microsoft.Extensions.Logging;

namespace KConnector.Distributed;

// KIP-618's zombie fencing, as Connect's DistributedHerder does it: before a new task generation of
// an exactly-once source connector starts, the leader fences out every transactional id of the
// previous generation (its task count record tells how many there were), then writes the new task
// count record; the new generation's tasks start only once that record is read. Without it a task
// id that disappears when tasks.max shrinks would have no successor to fence its zombie.
public sealed partial class DistributedWorker
{
    private static readonly TimeSpan FenceTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan FenceRetryPause = TimeSpan.FromSeconds(5);

    private readonly Dictionary<
        string,
        (IReadOnlyDictionary<string, string> Given, ConnectorConfig? Config)
    > _exactlyOnce = new(StringComparer.Ordinal);

    private readonly Dictionary<string, DateTimeOffset> _fencingFailedAt = new(
        StringComparer.Ordinal
    );

    private async Task FenceZombiesAsync(CancellationToken stopping)
    {
        foreach (var (name, given) in ConfigStore.Connectors)
        {
            var count = ConfigStore.TaskCount(name);
            if (count == 0 || !ConfigStore.PendingFencing(name))
            {
                continue; // Connect fences when a generation is brought up, not when it stops.
            }
            if (ExactlyOnceSource(given) is not { } config)
            {
                continue;
            }
            if (
                _fencingFailedAt.TryGetValue(name, out var failed)
                && DateTimeOffset.UtcNow - failed < FenceRetryPause
            )
            {
                continue;
            }
            try
            {
                await FenceGenerationAsync(name, count, config, stopping).ConfigureAwait(false);
                _fencingFailedAt.Remove(name);
            }
            catch (Exception e) when (e is not (OperationCanceledException or OutOfMemoryException))
            {
                // One connector's failed round holds its own new tasks, not the cluster's
                // assignment: it is tried again after a pause.
                _fencingFailedAt[name] = DateTimeOffset.UtcNow;
                LogFencingFailed(_logger, WorkerId, name, e);
            }
        }
    }

    private async Task FenceGenerationAsync(
        string name,
        int count,
        ConnectorConfig config,
        CancellationToken stopping
    )
    {
        var generation = ConfigStore.TaskConfigGeneration(name);
        var previous = ConfigStore.TaskCountRecord(name);
        // With no record, no transactional producer ran yet; one task after one task fences
        // its predecessor itself when it initialises its transactions (as Connect skips both).
        if (previous is { } old && (old != 1 || count != 1))
        {
            var ids = Enumerable
                .Range(0, old)
                .Select(t => config.ExactlyOnce.TransactionalId(name, t));
            await FenceAsync(config, [.. ids], stopping).ConfigureAwait(false);
        }
        await ConfigStore.ReadToEndAsync(stopping).ConfigureAwait(false);
        if (ConfigStore.TaskConfigGeneration(name) != generation)
        {
            return; // Newer task configs arrived meanwhile: the next turn fences again.
        }
        await ConfigStore.PutTaskCountRecordAsync(name, count, stopping).ConfigureAwait(false);
        await ConfigStore.ReadToEndAsync(stopping).ConfigureAwait(false);
        LogTaskCountRecord(_logger, WorkerId, name, count, previous?.ToString() ?? "none");
    }

    // Connect's Admin.fenceProducers, which Confluent.Kafka does not expose: initialising
    // transactions with an id bumps its epoch at the transaction coordinator, which aborts the
    // id's open transaction and refuses the older producer's writes and commits (PRODUCER_FENCED).
    private async Task FenceAsync(
        ConnectorConfig config,
        IReadOnlyList<string> transactionalIds,
        CancellationToken stopping
    )
    {
        var servers = config.BootstrapServers ?? Worker.BootstrapServers;
        await Task.WhenAll(
                transactionalIds.Select(id =>
                    Task.Run(
                        () =>
                        {
                            var settings = new ProducerConfig(
                                new Dictionary<string, string>(config.ProducerConfig)
                            )
                            {
                                BootstrapServers = servers,
                                TransactionalId = id,
                            };
                            using var producer = new ProducerBuilder<byte[], byte[]>(
                                settings
                            ).Build();
                            producer.InitTransactions(FenceTimeout);
                        },
                        stopping
                    )
                )
            )
            .ConfigureAwait(false);
        LogFenced(_logger, WorkerId, config.Name, string.Join(", ", transactionalIds));
    }

    // An exactly-once task starts from its generation's task configs (as Connect's do), once the
    // leader fenced the previous generation: not from a connector config the leader has not yet
    // written task configs for, nor before the task count record that follows them. Tasks already
    // running keep running: they belong to the generation being brought up.
    private void HoldUnfencedTasks(
        string name,
        IReadOnlyDictionary<string, string> config,
        HashSet<int> ids
    )
    {
        if (ids.Count == 0 || ExactlyOnceSource(config) is null)
        {
            return;
        }
        if (ConfigStore.PendingFencing(name) || !Same(config, ConfigStore.FirstTaskConfig(name)))
        {
            ids.IntersectWith(Worker.LocalTaskIds(name));
        }
    }

    // The connector's config when it is a source whose tasks write transactions on this worker
    // (exactly.once.source.support=enabled), made once per config.
    private ConnectorConfig? ExactlyOnceSource(IReadOnlyDictionary<string, string> given)
    {
        var name = given.GetValueOrDefault("name") ?? string.Empty;
        if (_exactlyOnce.TryGetValue(name, out var made) && Same(made.Given, given))
        {
            return made.Config;
        }
        ConnectorConfig? config = null;
        if (Registration(given) is { IsSink: false } registration)
        {
            var configured = registration.Check(
                NoServices.Instance,
                Worker.SettingsForValidation()
            );
            config = configured.Config.ExactlyOnce.Transactional ? configured.Config : null;
        }
        _exactlyOnce[name] = (given, config);
        return config;
    }

    [LoggerMessage(
        Level = LogLevel.Information,
        Message = "Leader {Worker}: fenced out the previous task generation of connector {Connector}: transactional ids {TransactionalIds}"
    )]
    private static partial void LogFenced(
        ILogger logger,
        string worker,
        string connector,
        string transactionalIds
    );

    [LoggerMessage(
        Level = LogLevel.Warning,
        Message = "Leader {Worker}: failed to perform zombie fencing for source connector {Connector}; its new tasks wait, trying again in 5 s"
    )]
    private static partial void LogFencingFailed(
        ILogger logger,
        string worker,
        string connector,
        Exception exception
    );

    [LoggerMessage(
        Level = LogLevel.Information,
        Message = "Leader {Worker}: task count record of connector {Connector}: {Count} task(s) (previous generation: {Previous})"
    )]
    private static partial void LogTaskCountRecord(
        ILogger logger,
        string worker,
        string connector,
        int count,
        string previous
    );
}
