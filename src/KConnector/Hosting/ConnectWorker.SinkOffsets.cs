using System.Globalization;
using Confluent.Kafka;
using Confluent.Kafka.Admin;

namespace KConnector.Hosting;

// KIP-875 for sinks: a sink's offsets are its consumer group's (connect-{name}), read and written
// through the admin client as Kafka Connect's Worker does: listConsumerGroupOffsets,
// alterConsumerGroupOffsets, deleteConsumerGroupOffsets for a partition given a null offset, and
// a reset deletes the group. Partitions read {"kafka_topic", "kafka_partition"}, offsets
// {"kafka_offset"} (Connect's SinkUtils).
public sealed partial class ConnectWorker
{
    private const string KafkaTopicKey = "kafka_topic";
    private const string KafkaPartitionKey = "kafka_partition";
    private const string KafkaOffsetKey = "kafka_offset";
    private static readonly TimeSpan AdminTimeout = TimeSpan.FromSeconds(30);

    /// <inheritdoc/>
    public async Task<IReadOnlyList<ConnectorOffset>> GetOffsetsAsync(
        string connector,
        CancellationToken cancellationToken
    )
    {
        var running = Find(connector);
        if (!running.Registration.IsSink)
        {
            return GetOffsets(connector);
        }
        var (group, admin) = SinkGroup(running);
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
                        SubscribedPartitions(admin, running.Config),
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
        Worker.ConnectorConfig config
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

    // The caller holds the gate and has checked the connector is STOPPED.
    private static async Task AlterSinkOffsetsAsync(
        RunningConnector running,
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
        var (group, admin) = SinkGroup(running);
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
                    // The admin client's own message says only "check individual result elements".
                    throw new InvalidOperationException(
                        $"Failed to alter the offsets of consumer group {group}: "
                            + string.Join(
                                "; ",
                                e.Results.SelectMany(r => r.Partitions)
                                    .Where(p => p.Error.IsError)
                                    .Select(p => $"{p.TopicPartition}: {p.Error.Reason}")
                                    .DefaultIfEmpty(e.Error.Reason)
                            ),
                        e
                    );
                }
            }
            if (removals.Count > 0)
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
        }
    }

    // As Kafka Connect: the whole group goes; a group that does not exist is already reset.
    private static async Task ResetSinkOffsetsAsync(
        RunningConnector running,
        CancellationToken cancellationToken
    )
    {
        var (group, admin) = SinkGroup(running);
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
        }
    }

    // The sink's consumer group, as its tasks name it, and an admin client with the tasks'
    // client settings (security, ...).
    private static (string Group, IAdminClient Admin) SinkGroup(RunningConnector running)
    {
        var options = running.Config.ToWorkerOptions(0, running.BootstrapServers, true, null);
        var config = new AdminClientConfig(new Dictionary<string, string>(options.ClientConfig))
        {
            BootstrapServers = options.BootstrapServers,
        };
        return (options.GroupId, new AdminClientBuilder(config).Build());
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
