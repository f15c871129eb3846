namespace KConnector.Distributed.ExactlyOnce;

/// <summary>
/// Java's default partitioner for keyed records (<c>Utils.murmur2</c>, then the sign bit cleared,
/// modulo the partition count), which librdkafka's <c>murmur2_random</c> partitioner also follows.
/// A transactional task writes its source offsets through its records' producer, whose partitioner
/// is the user's; the offsets still land where <see cref="Offsets.KafkaOffsetBackingStore"/> and
/// Kafka Connect put the same key, so every write of a key stays in one partition, in order.
/// </summary>
internal static class Murmur2Partitioner
{
    /// <summary>The partition of <paramref name="key"/> among <paramref name="partitionCount"/>.</summary>
    public static int PartitionFor(ReadOnlySpan<byte> key, int partitionCount) =>
        (Murmur2(key) & 0x7fffffff) % partitionCount;

    /// <summary>Murmur2 with Kafka's seed, as <c>org.apache.kafka.common.utils.Utils.murmur2</c>.</summary>
    public static int Murmur2(ReadOnlySpan<byte> data)
    {
        const uint m = 0x5bd1e995;
        const int r = 24;
        var length = data.Length;
        var h = 0x9747b28c ^ (uint)length;
        var blocks = length / 4;
        for (var i = 0; i < blocks; i++)
        {
            var k = BitConverter.ToUInt32(data.Slice(i * 4, 4));
            if (!BitConverter.IsLittleEndian)
            {
                k = System.Buffers.Binary.BinaryPrimitives.ReverseEndianness(k);
            }
            k *= m;
            k ^= k >> r;
            k *= m;
            h *= m;
            h ^= k;
        }
        var tail = blocks * 4;
        switch (length % 4)
        {
            case 3:
                h ^= (uint)data[tail + 2] << 16;
                h ^= (uint)data[tail + 1] << 8;
                h ^= data[tail];
                h *= m;
                break;
            case 2:
                h ^= (uint)data[tail + 1] << 8;
                h ^= data[tail];
                h *= m;
                break;
            case 1:
                h ^= data[tail];
                h *= m;
                break;
        }
        h ^= h >> 13;
        h *= m;
        h ^= h >> 15;
        return unchecked((int)h);
    }
}
