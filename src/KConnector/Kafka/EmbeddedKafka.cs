using System.Runtime.InteropServices;
using System.Text;
using Confluent.Kafka;
using KConnector.Kafka.Native;

namespace KConnector.Kafka;

/// <summary>
/// An in-process Kafka cluster: librdkafka's mock cluster, which speaks the real Kafka protocol
/// on 127.0.0.1 (Produce, Fetch, consumer groups, idempotent producers). What a worker runs on
/// when no <c>bootstrap.servers</c> is given, and what the tests run on, with fault injection.
/// Nothing it holds is durable: the data is gone when it is disposed.
/// </summary>
/// <remarks>
/// It owns a bare librdkafka handle of its own (the mock cluster lives as long as the handle that
/// created it), created through the same native library Confluent.Kafka has loaded. Not supported
/// by the mock: CreateTopics through the admin API (use <see cref="CreateTopic"/>, or rely on
/// auto-creation with 4 partitions), compaction, SASL/SSL.
/// </remarks>
public sealed class EmbeddedKafka : IDisposable
{
    private readonly Lock _gate = new();
    private nint _handle;
    private nint _cluster;

    private EmbeddedKafka(nint handle, nint cluster, int brokerCount, string bootstrapServers)
    {
        _handle = handle;
        _cluster = cluster;
        BrokerCount = brokerCount;
        BootstrapServers = bootstrapServers;
    }

    /// <summary>The cluster's brokers as <c>host:port</c> pairs, for <c>bootstrap.servers</c>.</summary>
    public string BootstrapServers { get; }

    /// <summary>How many brokers the cluster has; broker ids run from 1 to this count.</summary>
    public int BrokerCount { get; }

    /// <summary>
    /// Starts a cluster of <paramref name="brokerCount"/> brokers. The consumer groups' initial
    /// rebalance delay is <paramref name="initialRebalanceDelay"/> (Kafka's default is 3 s, which
    /// makes every test wait; null keeps the default).
    /// </summary>
    public static EmbeddedKafka Start(int brokerCount = 3, TimeSpan? initialRebalanceDelay = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(brokerCount, 1);
        // Make Confluent.Kafka load librdkafka first, so both bind to the one native library.
        _ = Library.Version;
        var errors = new byte[512];
        var conf = LibRdKafka.rd_kafka_conf_new();
        // Only errors: the mock cluster logs every connection otherwise.
        if (LibRdKafka.rd_kafka_conf_set(conf, "log_level", "3", errors, (nuint)errors.Length) != 0)
        {
            LibRdKafka.rd_kafka_conf_destroy(conf);
            throw new EmbeddedKafkaException(
                "Cannot configure the embedded cluster: " + Text(errors)
            );
        }
        // rd_kafka_new takes ownership of conf, also when it fails.
        var handle = LibRdKafka.rd_kafka_new(
            LibRdKafka.ProducerType,
            conf,
            errors,
            (nuint)errors.Length
        );
        if (handle == 0)
        {
            throw new EmbeddedKafkaException(
                "Cannot create the librdkafka handle for the embedded cluster: " + Text(errors)
            );
        }
        var cluster = LibRdKafka.rd_kafka_mock_cluster_new(handle, brokerCount);
        if (cluster == 0)
        {
            LibRdKafka.rd_kafka_destroy(handle);
            throw new EmbeddedKafkaException(
                $"librdkafka could not start a mock cluster of {brokerCount} brokers."
            );
        }
        var bootstraps =
            Marshal.PtrToStringUTF8(LibRdKafka.rd_kafka_mock_cluster_bootstraps(cluster))
            ?? string.Empty;
        var kafka = new EmbeddedKafka(handle, cluster, brokerCount, bootstraps);
        if (initialRebalanceDelay is { } delay)
        {
            kafka.SetInitialRebalanceDelay(delay);
        }
        return kafka;
    }

    /// <summary>Creates <paramref name="topic"/> with <paramref name="partitions"/> partitions.</summary>
    public void CreateTopic(string topic, int partitions, int replicationFactor = 1)
    {
        ArgumentException.ThrowIfNullOrEmpty(topic);
        ArgumentOutOfRangeException.ThrowIfLessThan(partitions, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(replicationFactor, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(replicationFactor, BrokerCount);
        Check(
            c => LibRdKafka.rd_kafka_mock_topic_create(c, topic, partitions, replicationFactor),
            $"create topic '{topic}'"
        );
    }

    /// <summary>Sets how long a new consumer group waits for more members before its first assignment.</summary>
    public void SetInitialRebalanceDelay(TimeSpan delay)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delay, TimeSpan.Zero);
        lock (_gate)
        {
            LibRdKafka.rd_kafka_mock_group_initial_rebalance_delay_ms(
                Cluster(),
                checked((int)delay.TotalMilliseconds)
            );
        }
    }

    /// <summary>Takes broker <paramref name="brokerId"/> down: its connections close and new ones are refused.</summary>
    public void SetBrokerDown(int brokerId)
    {
        CheckBroker(brokerId);
        Check(
            c => LibRdKafka.rd_kafka_mock_broker_set_down(c, brokerId),
            $"take broker {brokerId} down"
        );
    }

    /// <summary>Brings broker <paramref name="brokerId"/> back up.</summary>
    public void SetBrokerUp(int brokerId)
    {
        CheckBroker(brokerId);
        Check(
            c => LibRdKafka.rd_kafka_mock_broker_set_up(c, brokerId),
            $"bring broker {brokerId} up"
        );
    }

    /// <summary>Takes every broker down.</summary>
    public void SetAllBrokersDown()
    {
        for (var id = 1; id <= BrokerCount; id++)
        {
            SetBrokerDown(id);
        }
    }

    /// <summary>Brings every broker up.</summary>
    public void SetAllBrokersUp()
    {
        for (var id = 1; id <= BrokerCount; id++)
        {
            SetBrokerUp(id);
        }
    }

    /// <summary>Delays every response of broker <paramref name="brokerId"/> by <paramref name="rtt"/>.</summary>
    public void SetBrokerRoundTripTime(int brokerId, TimeSpan rtt)
    {
        CheckBroker(brokerId);
        Check(
            c =>
                LibRdKafka.rd_kafka_mock_broker_set_rtt(
                    c,
                    brokerId,
                    checked((int)rtt.TotalMilliseconds)
                ),
            $"set broker {brokerId}'s round-trip time"
        );
    }

    /// <summary>
    /// Makes the next requests of kind <paramref name="api"/>, to any broker, fail with
    /// <paramref name="errors"/>, one error per request, in order.
    /// </summary>
    public void PushRequestErrors(KafkaApiKey api, params ErrorCode[] errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var codes = Array.ConvertAll(errors, e => (int)e);
        lock (_gate)
        {
            LibRdKafka.rd_kafka_mock_push_request_errors_array(
                Cluster(),
                (short)api,
                (nuint)codes.Length,
                codes
            );
        }
    }

    /// <summary>Makes the next request of kind <paramref name="api"/> to one broker fail with <paramref name="error"/> after <paramref name="rtt"/>.</summary>
    public void PushBrokerRequestError(int brokerId, KafkaApiKey api, ErrorCode error, TimeSpan rtt)
    {
        CheckBroker(brokerId);
        Check(
            c =>
                LibRdKafka.rd_kafka_mock_broker_push_request_error_rtts(
                    c,
                    brokerId,
                    (short)api,
                    1,
                    (int)error,
                    checked((int)rtt.TotalMilliseconds)
                ),
            $"push a {api} error to broker {brokerId}"
        );
    }

    /// <summary>Drops request errors pushed for <paramref name="api"/> and not yet used.</summary>
    public void ClearRequestErrors(KafkaApiKey api)
    {
        lock (_gate)
        {
            LibRdKafka.rd_kafka_mock_clear_request_errors(Cluster(), (short)api);
        }
    }

    /// <summary>Moves the leadership of a partition to broker <paramref name="brokerId"/>.</summary>
    public void SetPartitionLeader(string topic, int partition, int brokerId)
    {
        ArgumentException.ThrowIfNullOrEmpty(topic);
        CheckBroker(brokerId);
        Check(
            c => LibRdKafka.rd_kafka_mock_partition_set_leader(c, topic, partition, brokerId),
            $"move the leader of {topic}[{partition}] to broker {brokerId}"
        );
    }

    /// <summary>Makes broker <paramref name="brokerId"/> the coordinator of a consumer group.</summary>
    public void SetGroupCoordinator(string groupId, int brokerId)
    {
        ArgumentException.ThrowIfNullOrEmpty(groupId);
        CheckBroker(brokerId);
        Check(
            c => LibRdKafka.rd_kafka_mock_coordinator_set(c, "group", groupId, brokerId),
            $"move group '{groupId}' to broker {brokerId}"
        );
    }

    /// <summary>Shuts the cluster down; its data is gone.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_cluster != 0)
            {
                LibRdKafka.rd_kafka_mock_cluster_destroy(_cluster);
                _cluster = 0;
            }
            if (_handle != 0)
            {
                LibRdKafka.rd_kafka_destroy(_handle);
                _handle = 0;
            }
        }
    }

    private void Check(Func<nint, int> call, string what)
    {
        int err;
        lock (_gate)
        {
            err = call(Cluster());
        }
        if (err != 0)
        {
            throw new EmbeddedKafkaException(
                $"Embedded Kafka could not {what}: {LibRdKafka.ErrorText(err)} ({(ErrorCode)err})."
            );
        }
    }

    private nint Cluster()
    {
        ObjectDisposedException.ThrowIf(_cluster == 0, this);
        return _cluster;
    }

    private void CheckBroker(int brokerId)
    {
        if (brokerId < 1 || brokerId > BrokerCount)
        {
            throw new ArgumentOutOfRangeException(
                nameof(brokerId),
                brokerId,
                $"Broker ids run from 1 to {BrokerCount}."
            );
        }
    }

    private static string Text(byte[] errors)
    {
        var end = Array.IndexOf(errors, (byte)0);
        return Encoding.UTF8.GetString(errors, 0, end < 0 ? errors.Length : end);
    }
}
