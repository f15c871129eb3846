using Confluent.Kafka;
using KConnector.Worker;

namespace KConnector.Tests.Worker;

public sealed class TopicPartitionCacheTests
{
    [Fact]
    public void SameTopicAndPartition_GivesOneDestination_AndEachRecordsOwnTopicAndPartition()
    {
        var cache = new TopicPartitionCache();
        var orders = "orders";

        var first = cache.For(orders, 3);
        Assert.Same(first, cache.For(orders, 3));
        Assert.Equal(new TopicPartition("orders", 3), first);
        Assert.Equal(new TopicPartition("orders", Partition.Any), cache.For(orders, null));

        // Another topic, then the first topic again as another string instance: never a stale topic.
        Assert.Equal(new TopicPartition("payments", 3), cache.For("payments", 3));
        var again = cache.For(new string("orders".AsSpan()), 3);
        Assert.Equal(new TopicPartition("orders", 3), again);
        Assert.Equal(new TopicPartition("orders", 100_000), cache.For(orders, 100_000));
    }
}
