using KConnector.Distributed;
using KConnector.Kafka;

namespace KConnector.IntegrationTests.Distributed;

/// <summary>
/// The embedded cluster the distributed worker tests share the shape of: three brokers, Connect's
/// internal topics under a prefix (<c>{prefix}-configs</c> with one partition, as Connect requires,
/// <c>{prefix}-offsets</c>, <c>{prefix}-status</c> with three) and the topics the connectors use;
/// and a config store over it, to write configs and see the group's claims as a worker does.
/// </summary>
internal static class ConnectTopics
{
    /// <summary>A started cluster with the internal topics and <paramref name="topics"/> made.</summary>
    public static EmbeddedKafka StartCluster(
        string prefix,
        int offsetPartitions,
        params (string Name, int Partitions)[] topics
    )
    {
        var kafka = EmbeddedKafka.Start(brokerCount: 3, initialRebalanceDelay: TimeSpan.Zero);
        try
        {
            kafka.CreateTopic(prefix + "-configs", 1);
            kafka.CreateTopic(prefix + "-offsets", offsetPartitions);
            kafka.CreateTopic(prefix + "-status", 3);
            foreach (var (name, partitions) in topics)
            {
                kafka.CreateTopic(name, partitions);
            }
            return kafka;
        }
        catch
        {
            kafka.Dispose();
            throw;
        }
    }

    /// <summary>A config store over <c>{prefix}-configs</c>, started (read to its end).</summary>
    public static async Task<KafkaConfigBackingStore> StartConfigStoreAsync(
        this EmbeddedKafka kafka,
        string prefix
    )
    {
        var store = new KafkaConfigBackingStore(prefix + "-configs", kafka.BootstrapServers);
        try
        {
            await store.StartAsync(CancellationToken.None);
            return store;
        }
        catch
        {
            await store.DisposeAsync();
            throw;
        }
    }
}
