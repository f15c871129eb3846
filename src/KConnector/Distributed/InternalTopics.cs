using Confluent.Kafka;
using Confluent.Kafka.Admin;
using KConnector.Configuration;
using Microsoft.Extensions.Logging;

namespace KConnector.Distributed;

/// <summary>
/// The three internal topics, as Kafka Connect's <c>TopicAdmin</c> makes them at a distributed
/// worker's start: each missing one is created through the admin API, compacted, with its key's
/// partitions (the config topic one) and replication factor (-1: the broker's default); a topic
/// another worker created meanwhile is fine. A config topic of more than one partition is refused,
/// as Connect refuses it (workers would read configs in different orders). Brokers that do not
/// serve CreateTopics (the librdkafka mock cluster) leave the topics to the operator: the worker
/// then waits for them (docs/distributed.md).
/// </summary>
internal static partial class InternalTopics
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    public static async Task EnsureAsync(
        DistributedConfig config,
        ILogger logger,
        CancellationToken cancellationToken
    )
    {
        using var admin = new AdminClientBuilder(
            new AdminClientConfig { BootstrapServers = config.BootstrapServers }
        ).Build();
        var partitions = await Task.Run(() => Existing(admin), cancellationToken)
            .ConfigureAwait(false);
        if (partitions.TryGetValue(config.ConfigTopic, out var count) && count != 1)
        {
            throw new ConfigValidationException(
                "worker",
                [
                    new ConfigIssue(
                        "config.storage.topic",
                        $"Topic '{config.ConfigTopic}' supplied via the 'config.storage.topic' property is required to have a single partition in order to guarantee consistency of connector configurations, but found {count} partitions."
                    ),
                ]
            );
        }
        var missing = Wanted(config).Where(t => !partitions.ContainsKey(t.Name)).ToList();
        if (missing.Count == 0)
        {
            return;
        }
        try
        {
            await admin
                .CreateTopicsAsync(
                    missing,
                    new CreateTopicsOptions { RequestTimeout = Timeout, OperationTimeout = Timeout }
                )
                .ConfigureAwait(false);
            LogCreated(logger, string.Join(", ", missing.Select(t => t.Name)));
        }
        catch (CreateTopicsException e)
            when (e.Results.All(r =>
                    r.Error.Code is ErrorCode.TopicAlreadyExists or ErrorCode.NoError
                )
            ) { }
        catch (KafkaException e) when (Unsupported(e))
        {
            LogUnsupported(logger, string.Join(", ", missing.Select(t => t.Name)), e.Message);
        }
        catch (CreateTopicsException e)
        {
            var failed = e.Results.First(r =>
                r.Error.Code is not (ErrorCode.TopicAlreadyExists or ErrorCode.NoError)
            );
            var key = KeyOf(config, failed.Topic);
            throw new ConfigValidationException(
                "worker",
                [
                    new ConfigIssue(
                        key,
                        $"could not create topic '{failed.Topic}': {failed.Error.Reason}"
                    ),
                ]
            );
        }
    }

    private static Dictionary<string, int> Existing(IAdminClient admin) =>
        admin
            .GetMetadata(Timeout)
            .Topics.Where(t => !t.Error.IsError)
            .ToDictionary(t => t.Topic, t => t.Partitions.Count, StringComparer.Ordinal);

    // A broker without the CreateTopics API or that names no controller (the mock: librdkafka
    // then times out waiting for one), or one that refuses the request version.
    private static bool Unsupported(KafkaException e) =>
        e.Error.Code
            is ErrorCode.Local_UnsupportedFeature
                or ErrorCode.UnsupportedVersion
                or ErrorCode.InvalidRequest
                or ErrorCode.Local_TimedOut
        || (
            e is CreateTopicsException c
            && c.Results.Any(r =>
                r.Error.Code is ErrorCode.Local_UnsupportedFeature or ErrorCode.UnsupportedVersion
            )
        );

    private static List<TopicSpecification> Wanted(DistributedConfig config) =>
        [
            Compacted(config.ConfigTopic, 1, config.ConfigReplicationFactor),
            Compacted(config.OffsetTopic, config.OffsetPartitions, config.OffsetReplicationFactor),
            Compacted(config.StatusTopic, config.StatusPartitions, config.StatusReplicationFactor),
        ];

    private static TopicSpecification Compacted(string name, int partitions, short replication) =>
        new()
        {
            Name = name,
            NumPartitions = partitions,
            ReplicationFactor = replication,
            Configs = new Dictionary<string, string> { ["cleanup.policy"] = "compact" },
        };

    private static string KeyOf(DistributedConfig config, string topic) =>
        topic == config.ConfigTopic ? "config.storage.topic"
        : topic == config.OffsetTopic ? "offset.storage.topic"
        : "status.storage.topic";

    [LoggerMessage(
        Level = LogLevel.Information,
        Message = "Created the internal topics {Topics} (compacted)"
    )]
    private static partial void LogCreated(ILogger logger, string topics);

    [LoggerMessage(
        Level = LogLevel.Warning,
        Message = "The brokers did not create the internal topics {Topics} ({Reason}): waiting for them to be created"
    )]
    private static partial void LogUnsupported(ILogger logger, string topics, string reason);
}
