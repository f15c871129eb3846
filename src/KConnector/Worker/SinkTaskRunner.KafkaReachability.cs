using Confluent.Kafka;
using KConnector.Errors;

namespace KConnector.Worker;

public sealed partial class SinkTaskRunner<TKey, TValue>
{
    // Issue 20, item 3: a cluster unreachable for max.poll.interval.ms fails the task (nothing is
    // committed past what was put; the records are read again at the next start).
    private static async ValueTask FailIfKafkaLostAsync(
        KafkaReachability kafka,
        IConsumer<byte[]?, byte[]?> consumer
    )
    {
        if (
            kafka.IsDown
            && await kafka
                .ExpiredAsync(Stage.KAFKA_CONSUME, () => Probe(consumer))
                .ConfigureAwait(false)
                is { } unreachable
        )
        {
            throw unreachable;
        }
    }

    private static bool Probe(IConsumer<byte[]?, byte[]?> consumer)
    {
        try
        {
            using var admin = new DependentAdminClientBuilder(consumer.Handle).Build();
            admin.GetMetadata(TimeSpan.FromSeconds(2));
            return true;
        }
        catch (KafkaException)
        {
            return false;
        }
    }
}
