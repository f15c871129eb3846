using Confluent.Kafka;

namespace KConnector.IntegrationTests.Reliability;

/// <summary>Reads a whole topic (every partition, beginning to end) with a plain consumer.</summary>
internal static class TopicReader
{
    public static List<ConsumeResult<byte[]?, byte[]?>> ReadAll(
        string bootstrapServers,
        string topic,
        TimeSpan timeout
    )
    {
        using var consumer = new ConsumerBuilder<byte[]?, byte[]?>(
            new ConsumerConfig
            {
                BootstrapServers = bootstrapServers,
                GroupId = "reader-" + Guid.NewGuid().ToString("N"),
                EnableAutoCommit = false,
            }
        ).Build();
        using var admin = new DependentAdminClientBuilder(consumer.Handle).Build();
        var partitions = admin
            .GetMetadata(topic, timeout)
            .Topics.Single()
            .Partitions.Select(p => p.PartitionId)
            .ToList();
        var ends = new Dictionary<int, long>();
        foreach (var p in partitions)
        {
            var high = consumer
                .QueryWatermarkOffsets(new TopicPartition(topic, p), timeout)
                .High.Value;
            if (high > 0)
            {
                ends[p] = high;
            }
        }
        consumer.Assign(
            ends.Keys.Select(p => new TopicPartitionOffset(topic, p, Offset.Beginning))
        );
        var records = new List<ConsumeResult<byte[]?, byte[]?>>();
        var deadline = DateTime.UtcNow + timeout;
        while (ends.Count > 0 && DateTime.UtcNow < deadline)
        {
            var result = consumer.Consume(TimeSpan.FromMilliseconds(200));
            if (result is null || result.IsPartitionEOF)
            {
                continue;
            }
            records.Add(result);
            // A partition still written to may hand over records past the end taken at the start.
            if (
                ends.TryGetValue(result.Partition.Value, out var end)
                && result.Offset.Value + 1 >= end
            )
            {
                ends.Remove(result.Partition.Value);
            }
        }
        Assert.True(ends.Count == 0, $"Could not read {topic} to its end within {timeout}.");
        return records;
    }

    public static async Task WaitUntilAsync(
        Func<bool> condition,
        TimeSpan timeout,
        string what,
        params Task[] running
    )
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            if (running.FirstOrDefault(t => t.IsFaulted) is { } failed)
            {
                await failed; // Surfaces the task's failure.
            }
            Assert.True(
                DateTime.UtcNow < deadline,
                $"Timed out after {timeout} waiting for {what}."
            );
            await Task.Delay(50);
        }
    }
}
