using System.Runtime.InteropServices;
using System.Text;
using Confluent.Kafka;
using KConnector.Errors;
using KConnector.Kafka.Native;

namespace KConnector.Kafka;

/// <summary>
/// Asks a Kafka cluster for its id, as Kafka Connect's worker does for <c>GET /</c>'s
/// <c>kafka_cluster_id</c>. Confluent.Kafka does not expose it (its Metadata has no cluster id, and
/// DescribeCluster is not answered by every broker: librdkafka's mock cluster has no handler for
/// it), so this asks librdkafka itself: <c>rd_kafka_clusterid</c> on a bare producer handle of
/// the native library Confluent.Kafka loaded, which reads the id from the Metadata answer every
/// broker since Kafka 0.10.1 gives. Plain P/Invoke: no reflection, Native AOT safe.
/// </summary>
public static class KafkaClusterId
{
    /// <summary>
    /// The cluster's id, or null when no broker answered within <paramref name="timeout"/> (or a
    /// broker too old to tell it). <paramref name="clientConfig"/> holds librdkafka's keys
    /// (<c>bootstrap.servers</c>, <c>security.protocol</c>, <c>sasl.*</c>, ...); a key librdkafka
    /// refuses throws a <see cref="ConfigException"/> naming it. Blocks up to the timeout.
    /// </summary>
    public static string? Query(IReadOnlyDictionary<string, string> clientConfig, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(clientConfig);
        _ = Library.Version; // Confluent.Kafka loads librdkafka: the imports bind to that file.
        var error = new byte[512];
        var conf = LibRdKafka.rd_kafka_conf_new();
        // Quiet: an unreachable cluster is answered with null, not with log lines on stderr.
        foreach (var (key, value) in Quiet(clientConfig))
        {
            if (LibRdKafka.rd_kafka_conf_set(conf, key, value, error, (nuint)error.Length) != 0)
            {
                LibRdKafka.rd_kafka_conf_destroy(conf);
                throw new ConfigException(key, $"{key}: {Text(error)}");
            }
        }
        // rd_kafka_new takes ownership of conf, also when it fails.
        var handle = LibRdKafka.rd_kafka_new(
            LibRdKafka.ProducerType,
            conf,
            error,
            (nuint)error.Length
        );
        if (handle == 0)
        {
            throw new KafkaException(new Error(ErrorCode.Local_Fail, Text(error)));
        }
        try
        {
            var id = LibRdKafka.rd_kafka_clusterid(
                handle,
                (int)Math.Clamp(timeout.TotalMilliseconds, 0, int.MaxValue)
            );
            if (id == 0)
            {
                return null;
            }
            try
            {
                return Marshal.PtrToStringUTF8(id);
            }
            finally
            {
                LibRdKafka.rd_kafka_mem_free(handle, id);
            }
        }
        finally
        {
            LibRdKafka.rd_kafka_destroy(handle);
        }
    }

    private static IEnumerable<KeyValuePair<string, string>> Quiet(
        IReadOnlyDictionary<string, string> clientConfig
    ) => [new("log_level", "0"), new("log.connection.close", "false"), .. clientConfig];

    private static string Text(byte[] error)
    {
        var length = Array.IndexOf(error, (byte)0);
        return Encoding.UTF8.GetString(error, 0, length < 0 ? error.Length : length);
    }
}
