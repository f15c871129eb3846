using System.Globalization;
using Confluent.Kafka;
using Confluent.Kafka.Admin;
using KConnector.Worker;

namespace KConnector.Hosting;

/// <summary>
/// KIP-875 for sinks: a sink's offsets are its consumer group's (<c>connect-{name}</c> or
/// <c>consumer.override.group.id</c>), read and written through the admin client as Kafka
/// Connect's Worker does: listConsumerGroupOffsets, alterConsumerGroupOffsets,
/// deleteConsumerGroupOffsets for a partition given a null offset, and a reset deletes the group.
/// Partitions read <c>{"kafka_topic", "kafka_partition"}</c>, offsets <c>{"kafka_offset"}</c>
/// (Connect's SinkUtils). Shared by the standalone worker and distributed workers (whose leader
/// alters a group no task of it runs on).
/// </summary>
internal static class SinkGroupOffsets
{
    private const string KafkaTopicKey = "kafka_topic";
    private const string KafkaPartitionKey = "kafka_partition";
    private const string KafkaOffsetKey = "kafka_offset";
    private static readonly TimeSpan AdminTimeout = TimeSpan.FromSeconds(30);

    /// <summary>The group's committed offsets, by topic and partition.</summary>
    public static async Task<IReadOnlyList<ConnectorOffset>> ReadAsync(
        ConnectorConfig config,
        string bootstrapServers,
        CancellationToken cancellationToken
    )
    {
        var (group, admin) = SinkGroup(config, bootstrapServers);
        using (admin)
        {
            var committed = await ListCommittedAsync(admin, group, null, cancellationToken)
                .ConfigureAwait(false);
            if (committed.Count == 0)
            {
                // A broker that does not answer OffsetFetch's "every topic" (librdkafka's mock
                // cluster) is asked again for the partitions of the topics the sink reads.
                committed = await ListCommittedAsync(
                        admin,
                        group,
                        SubscribedPartitions(admin, config),
                        cancellationToken
                    )
                    .ConfigureAwait(false);
            }
            return
            [
                .. committed
                    .OrderBy(p => p.Topic, StringComparer.Ordinal)
                    .ThenBy(p => p.Partition.Value)
                    .Select(p => new ConnectorOffset(
                        SinkPartition(p.Topic, p.Partition.Value),
                        new Dictionary<string, string>(StringComparer.Ordinal)
                        {
                            [KafkaOffsetKey] = p.Offset.Value.ToString(
                                CultureInfo.InvariantCulture
                            ),
                        }
                    )),
            ];
        }
    }

    private static async Task<List<TopicPartitionOffsetError>> ListCommittedAsync(
        IAdminClient admin,
        string group,
        List<TopicPartition>? partitions,
        CancellationToken cancellationToken
    )
    {
        if (partitions is { Count: 0 })
        {
            return [];
        }
        var listed = await admin
            .ListConsumerGroupOffsetsAsync(
                [new ConsumerGroupTopicPartitions(group, partitions)],
                new ListConsumerGroupOffsetsOptions { RequestTimeout = AdminTimeout }
            )
            .WaitAsync(cancellationToken)
            .ConfigureAwait(false);
        return
        [
            .. listed
                .SelectMany(g => g.Partitions)
                .Where(p => !p.Offset.IsSpecial && p.Error.Code == ErrorCode.NoError),
        ];
    }

    // The partitions of the topics the sink's topics / topics.regex name, from the metadata.
    private static List<TopicPartition> SubscribedPartitions(
        IAdminClient admin,
        ConnectorConfig config
    )
    {
        var regex = config.TopicsRegex is { Length: > 0 } pattern
            ? new System.Text.RegularExpressions.Regex(
                "^(?:" + pattern + ")$",
                System.Text.RegularExpressions.RegexOptions.None,
                TimeSpan.FromSeconds(1)
            )
            : null;
        return
        [
            .. admin
                .GetMetadata(AdminTimeout)
                .Topics.Where(t =>
                    config.Topics.Contains(t.Topic, StringComparer.Ordinal)
                    || regex?.IsMatch(t.Topic) == true
                )
                .SelectMany(t =>
                    t.Partitions.Select(p => new TopicPartition(t.Topic, p.PartitionId))
                ),
        ];
    }

    /// <summary>
    /// Commits the given offsets for the group (a null offset deletes the partition's); the caller
    /// has checked the connector is STOPPED. A group with members left fails with Kafka Connect's
    /// message (its tasks have not stopped yet, or it was resumed meanwhile).
    /// </summary>
    public static async Task AlterAsync(
        ConnectorConfig config,
        string bootstrapServers,
        IReadOnlyList<ConnectorOffset> offsets,
        CancellationToken cancellationToken
    )
    {
        var writes = new List<TopicPartitionOffset>();
        var removals = new List<TopicPartition>();
        foreach (var offset in offsets)
        {
            var partition = ParseSinkPartition(offset.Partition);
            if (offset.Offset is null)
            {
                removals.Add(partition);
            }
            else
            {
                writes.Add(new TopicPartitionOffset(partition, ParseSinkOffset(offset.Offset)));
            }
        }
        var (group, admin) = SinkGroup(config, bootstrapServers);
        using (admin)
        {
            if (writes.Count > 0)
            {
                try
                {
                    await admin
                        .AlterConsumerGroupOffsetsAsync(
                            [new ConsumerGroupTopicPartitionOffsets(group, writes)],
                            new AlterConsumerGroupOffsetsOptions { RequestTimeout = AdminTimeout }
                        )
                        .WaitAsync(cancellationToken)
                        .ConfigureAwait(false);
                }
                catch (AlterConsumerGroupOffsetsException e)
                {
                    var errors = e
                        .Results.SelectMany(r => r.Partitions)
                        .Where(p => p.Error.IsError)
                        .ToList();
                    // The admin client's own message says only "check individual result elements".
                    var reasons = string.Join(
                        "; ",
                        errors
                            .Select(p => $"{p.TopicPartition}: {p.Error.Reason}")
                            .DefaultIfEmpty(e.Error.Reason)
                    );
                    throw errors.Any(p => StillMember(p.Error.Code)) || StillMember(e.Error.Code)
                        ? StillRunning(config.Name, "alter", group, reasons, e)
                        : new InvalidOperationException(
                            $"Failed to alter the offsets of consumer group {group}: {reasons}",
                            e
                        );
                }
            }
            if (removals.Count > 0)
            {
                try
                {
                    await admin
                        .DeleteConsumerGroupOffsetsAsync(
                            group,
                            removals,
                            new DeleteConsumerGroupOffsetsOptions { RequestTimeout = AdminTimeout }
                        )
                        .WaitAsync(cancellationToken)
                        .ConfigureAwait(false);
                }
                catch (DeleteConsumerGroupOffsetsException e)
                    when (StillMember(e.Error.Code)
                        || e.Result.Partitions.Any(p => StillMember(p.Error.Code))
                    )
                {
                    throw StillRunning(config.Name, "alter", group, e.Error.Reason, e);
                }
            }
        }
    }

    // When a group has members only they may commit: the admin client's commit fails with
    // UNKNOWN_MEMBER_ID, its deletion of a subscribed partition's offset with
    // GROUP_SUBSCRIBED_TO_TOPIC, its deletion of the group with NON_EMPTY_GROUP (Connect's Worker).
    private static bool StillMember(ErrorCode code) =>
        code
            is ErrorCode.UnknownMemberId
                or ErrorCode.GroupSubscribedToTopic
                or ErrorCode.NonEmptyGroup
                or ErrorCode.IllegalGeneration;

    // Connect's ConnectException (a 500: the request may be retried), with the broker's answer.
    private static InvalidOperationException StillRunning(
        string connector,
        string verb,
        string group,
        string reasons,
        Exception cause
    ) =>
        new(
            $"Failed to {verb} consumer group offsets for connector {connector} either because its tasks haven't stopped completely yet or the connector was resumed before the request to {verb} its offsets could be successfully completed. If the connector is in a stopped state, this operation can be safely retried. If it doesn't eventually succeed, the Connect cluster may need to be restarted to get rid of the zombie sink tasks. (consumer group {group}: {reasons})",
            cause
        );

    /// <summary>
    /// As Kafka Connect: the whole group goes; a group that does not exist is already reset, one
    /// with members left fails with Connect's message.
    /// </summary>
    public static async Task ResetAsync(
        ConnectorConfig config,
        string bootstrapServers,
        CancellationToken cancellationToken
    )
    {
        var (group, admin) = SinkGroup(config, bootstrapServers);
        using (admin)
        {
            try
            {
                await admin
                    .DeleteGroupsAsync(
                        [group],
                        new DeleteGroupsOptions { RequestTimeout = AdminTimeout }
                    )
                    .WaitAsync(cancellationToken)
                    .ConfigureAwait(false);
            }
            catch (DeleteGroupsException e)
                when (e.Results.All(r => r.Error.Code == ErrorCode.GroupIdNotFound))
            {
                // Nothing committed yet.
            }
            catch (DeleteGroupsException e)
                when (e.Results.Any(r => r.Error.Code == ErrorCode.NonEmptyGroup))
            {
                throw StillRunning(
                    config.Name,
                    "reset",
                    group,
                    string.Join("; ", e.Results.Select(r => r.Error.Reason)),
                    e
                );
            }
        }
    }

    // The sink's consumer group, as its tasks name it, and an admin client with the tasks'
    // client settings (security, ...).
    private static (string Group, IAdminClient Admin) SinkGroup(
        ConnectorConfig config,
        string bootstrapServers
    )
    {
        var options = config.ToWorkerOptions(0, bootstrapServers, true, null);
        var admin = new AdminClientConfig(new Dictionary<string, string>(options.ClientConfig))
        {
            BootstrapServers = options.BootstrapServers,
        };
        return (options.GroupId, new AdminClientBuilder(admin).Build());
    }

    private static Dictionary<string, string> SinkPartition(string topic, int partition) =>
        new(StringComparer.Ordinal)
        {
            [KafkaTopicKey] = topic,
            [KafkaPartitionKey] = partition.ToString(CultureInfo.InvariantCulture),
        };

    private static TopicPartition ParseSinkPartition(IReadOnlyDictionary<string, string> partition)
    {
        if (
            !partition.TryGetValue(KafkaTopicKey, out var topic)
            || string.IsNullOrEmpty(topic)
            || !partition.TryGetValue(KafkaPartitionKey, out var number)
        )
        {
            throw new ConnectorStateException(
                $"The partition for a sink connector offset must contain the keys '{KafkaTopicKey}' and '{KafkaPartitionKey}'"
            );
        }
        return int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var p)
            ? new TopicPartition(topic, p)
            : throw new ConnectorStateException(
                $"Failed to parse the following Kafka partition value in the provided offsets: '{number}'. Partition values for sink connectors need to be integers."
            );
    }

    private static long ParseSinkOffset(IReadOnlyDictionary<string, string> offset)
    {
        if (!offset.TryGetValue(KafkaOffsetKey, out var value))
        {
            throw new ConnectorStateException(
                $"The offset for a sink connector should either be null or contain the key '{KafkaOffsetKey}'"
            );
        }
        return long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var o)
            ? o
            : throw new ConnectorStateException(
                $"Failed to parse the following Kafka offset value in the provided offsets: '{value}'. Offset values for sink connectors need to be non-negative integers."
            );
    }
}
