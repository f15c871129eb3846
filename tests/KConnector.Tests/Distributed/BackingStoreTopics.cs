using KConnector.Distributed;
using KConnector.Kafka;

namespace KConnector.Tests.Distributed;

/// <summary>
/// What the backing-store tests set up alike: a one-broker mock cluster holding one of Connect's
/// internal topics under its default name, and stores started over it (each has read the topic
/// to its end when it is handed out).
/// </summary>
internal static class BackingStoreTopics
{
    public const string ConfigTopic = "connect-configs";
    public const string StatusTopic = "connect-status";

    /// <summary>A one-broker cluster with <paramref name="topic"/> made.</summary>
    public static EmbeddedKafka ClusterWith(string topic, int partitions)
    {
        var kafka = EmbeddedKafka.Start(brokerCount: 1, initialRebalanceDelay: TimeSpan.Zero);
        try
        {
            kafka.CreateTopic(topic, partitions);
            return kafka;
        }
        catch
        {
            kafka.Dispose();
            throw;
        }
    }

    /// <summary>A config store over <see cref="ConfigTopic"/>, started.</summary>
    public static async Task<KafkaConfigBackingStore> StartConfigStoreAsync(
        this EmbeddedKafka kafka
    )
    {
        var store = new KafkaConfigBackingStore(ConfigTopic, kafka.BootstrapServers);
        return await StartedAsync(store, store.StartAsync);
    }

    /// <summary>A status store over <see cref="StatusTopic"/>, started.</summary>
    public static async Task<KafkaStatusBackingStore> StartStatusStoreAsync(
        this EmbeddedKafka kafka
    )
    {
        var store = new KafkaStatusBackingStore(StatusTopic, kafka.BootstrapServers);
        return await StartedAsync(store, store.StartAsync);
    }

    // A store that fails to start is disposed here: the test's `await using` never got it.
    private static async Task<T> StartedAsync<T>(T store, Func<CancellationToken, Task> start)
        where T : IAsyncDisposable
    {
        try
        {
            await start(CancellationToken.None);
            return store;
        }
        catch
        {
            await store.DisposeAsync();
            throw;
        }
    }
}
