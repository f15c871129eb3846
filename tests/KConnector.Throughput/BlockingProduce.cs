using Confluent.Kafka;

namespace KConnector.Throughput;

/// <summary>
/// How a hand-written Confluent.Kafka loop hands over a record when librdkafka's queue is full:
/// serve delivery reports for a moment and try again (the worker's producer blocks inside
/// librdkafka instead, dotnet.producer.block.if.queue.full). Bounded by the loop's own deadline.
/// </summary>
internal static class BlockingProduce
{
    public static void Produce(
        IProducer<byte[], byte[]> producer,
        TopicPartition destination,
        Message<byte[], byte[]> message,
        Action<DeliveryReport<byte[], byte[]>>? delivered
    )
    {
        while (true)
        {
            try
            {
                producer.Produce(destination, message, delivered);
                return;
            }
            catch (ProduceException<byte[], byte[]> e)
                when (e.Error.Code == ErrorCode.Local_QueueFull)
            {
                producer.Poll(TimeSpan.FromMilliseconds(1));
            }
        }
    }
}
