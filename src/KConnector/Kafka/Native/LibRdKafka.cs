using System.Runtime.InteropServices;

namespace KConnector.Kafka.Native;

/// <summary>
/// The librdkafka entry points the embedded cluster and the cluster id query need, bound to the same native library
/// Confluent.Kafka loaded (see <see cref="LoadedLibRdKafka"/>).
/// Signatures follow librdkafka's <c>rdkafka.h</c> and <c>rdkafka_mock.h</c> (2.15.1).
/// </summary>
internal static partial class LibRdKafka
{
    private const string Library = "librdkafka";

    // Before any import here resolves: the resolver must be in place at the first call.
    static LibRdKafka() => LoadedLibRdKafka.Register();

    /// <summary>rd_kafka_type_t RD_KAFKA_PRODUCER.</summary>
    public const int ProducerType = 0;

    [LibraryImport(Library)]
    public static partial nint rd_kafka_conf_new();

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int rd_kafka_conf_set(
        nint conf,
        string name,
        string value,
        byte[] errstr,
        nuint errstrSize
    );

    [LibraryImport(Library)]
    public static partial void rd_kafka_conf_destroy(nint conf);

    [LibraryImport(Library)]
    public static partial nint rd_kafka_new(int type, nint conf, byte[] errstr, nuint errstrSize);

    [LibraryImport(Library)]
    public static partial void rd_kafka_destroy(nint rk);

    [LibraryImport(Library)]
    public static partial nint rd_kafka_err2str(int err);

    /// <summary>The cluster id of the cluster's metadata (a string to free with <see cref="rd_kafka_mem_free"/>), or 0.</summary>
    [LibraryImport(Library)]
    public static partial nint rd_kafka_clusterid(nint rk, int timeoutMs);

    [LibraryImport(Library)]
    public static partial void rd_kafka_mem_free(nint rk, nint ptr);

    [LibraryImport(Library)]
    public static partial nint rd_kafka_mock_cluster_new(nint rk, int brokerCount);

    [LibraryImport(Library)]
    public static partial void rd_kafka_mock_cluster_destroy(nint mcluster);

    [LibraryImport(Library)]
    public static partial nint rd_kafka_mock_cluster_bootstraps(nint mcluster);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int rd_kafka_mock_topic_create(
        nint mcluster,
        string topic,
        int partitionCount,
        int replicationFactor
    );

    [LibraryImport(Library)]
    public static partial void rd_kafka_mock_group_initial_rebalance_delay_ms(
        nint mcluster,
        int delayMs
    );

    [LibraryImport(Library)]
    public static partial int rd_kafka_mock_broker_set_down(nint mcluster, int brokerId);

    [LibraryImport(Library)]
    public static partial int rd_kafka_mock_broker_set_up(nint mcluster, int brokerId);

    [LibraryImport(Library)]
    public static partial int rd_kafka_mock_broker_set_rtt(nint mcluster, int brokerId, int rttMs);

    [LibraryImport(Library)]
    public static partial void rd_kafka_mock_push_request_errors_array(
        nint mcluster,
        short apiKey,
        nuint count,
        int[] errors
    );

    [LibraryImport(Library)]
    public static partial void rd_kafka_mock_clear_request_errors(nint mcluster, short apiKey);

    /// <remarks>
    /// The C function is variadic: (cnt, then cnt pairs of error code and round-trip ms). Bound
    /// here for exactly one pair: on the x86-64 System V ABI integer varargs travel in the same
    /// registers as fixed arguments, so a fixed six-argument call is the same call.
    /// </remarks>
    [LibraryImport(Library)]
    public static partial int rd_kafka_mock_broker_push_request_error_rtts(
        nint mcluster,
        int brokerId,
        short apiKey,
        nuint count,
        int error,
        int rttMs
    );

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int rd_kafka_mock_partition_set_leader(
        nint mcluster,
        string topic,
        int partition,
        int brokerId
    );

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int rd_kafka_mock_coordinator_set(
        nint mcluster,
        string keyType,
        string key,
        int brokerId
    );

    /// <summary>librdkafka's own text for an error code.</summary>
    public static string ErrorText(int err) =>
        Marshal.PtrToStringUTF8(rd_kafka_err2str(err)) ?? $"error {err}";
}
