using Confluent.Kafka;
using KConnector.Kafka;

namespace KConnector.IntegrationTests.Distributed.ExactlyOnce;

/// <summary>
/// What librdkafka's mock cluster does with transactions, which decides what the exactly-once
/// tests can show and what docs/distributed.md ("Exactly-once sources") must say instead. If
/// one of these fails, the mock grew up: update the docs and make the tests assert more.
/// </summary>
public sealed class MockTransactionsTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    [Fact]
    public void TheMock_WritesMarkers_ButHandsAbortedRecordsToReadCommittedConsumers_AndFencesNoZombie()
    {
        using var kafka = EmbeddedKafka.Start(brokerCount: 3, initialRebalanceDelay: TimeSpan.Zero);
        kafka.CreateTopic("t", partitions: 1);
        using var zombie = Transactional(kafka);
        Write(zombie, "committed", commit: true);
        Write(zombie, "aborted", commit: false);
        zombie.BeginTransaction();
        zombie.Produce("t", new Message<string, string> { Key = "k", Value = "zombie" });
        zombie.Flush(Wait);

        // A second instance with the same transactional.id: a broker fences the first (its commit
        // fails with PRODUCER_FENCED) and aborts its open transaction.
        using var successor = Transactional(kafka);
        zombie.CommitTransaction(Wait); // The mock lets it commit.
        Write(successor, "successor", commit: true);

        var seen = TransactionalTopicReader.ReadAll(kafka.BootstrapServers, "t", Wait);
        Assert.Equal(
            ["committed", "aborted", "zombie", "successor"],
            seen.Select(r => System.Text.Encoding.UTF8.GetString(r.Message.Value!))
        );
        // Each transaction's end took an offset no record has: the mock writes markers.
        Assert.Equal([0L, 2L, 4L, 6L], seen.Select(r => r.Offset.Value));
    }

    private static IProducer<string, string> Transactional(EmbeddedKafka kafka)
    {
        var producer = new ProducerBuilder<string, string>(
            new ProducerConfig
            {
                BootstrapServers = kafka.BootstrapServers,
                TransactionalId = "tx-1",
            }
        ).Build();
        producer.InitTransactions(Wait);
        return producer;
    }

    private static void Write(IProducer<string, string> producer, string value, bool commit)
    {
        producer.BeginTransaction();
        producer.Produce("t", new Message<string, string> { Key = "k", Value = value });
        producer.Flush(Wait);
        if (commit)
        {
            producer.CommitTransaction(Wait);
        }
        else
        {
            producer.AbortTransaction(Wait);
        }
    }
}
