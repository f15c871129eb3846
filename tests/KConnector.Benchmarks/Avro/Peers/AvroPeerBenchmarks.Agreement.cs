using Avro.Generic;
using Avro.IO;

namespace KConnector.Benchmarks.Avro.Peers;

/// <summary>The setup's check that the implementations compared write and read the same thing.</summary>
public partial class AvroPeerBenchmarks
{
    private const int FrameHeader = 5;

    private void CheckAgreement()
    {
        Same("Apache.Avro specific", Bytes(ApacheSpecificEncode));
        Same("Apache.Avro generic", Bytes(ApacheGenericEncode));
        Same("Confluent AvroSerializer specific", Framed(ConfluentSerialize()));
        Same("Confluent AvroSerializer generic", Framed(ConfluentGenericSerialize()));
        Same("KConnector AvroConverter", Framed(_framed));
        // Each reader's record, written again by its own writer, gives the bytes back.
        Same("Apache.Avro specific (read, written)", Specific(ApacheSpecificDecode()));
        Same("Apache.Avro generic (read, written)", Generic(ApacheGenericDecode()));
        Same("KConnector generated (read, written)", Generated(GeneratedDecode()));
        Same("the decode floor (made, written)", Generated(AllocationFloor()));
        Same(
            "Confluent AvroDeserializer specific (read, written)",
            Specific(ConfluentDeserialize())
        );
        Same(
            "Confluent AvroDeserializer generic (read, written)",
            Generic(ConfluentGenericDeserialize())
        );
        Same("KConnector AvroConverter (read, written)", Generated(ConverterDeserialize()!));
        if (StjDeserialize() is not { OrderId: "ORD-2026-000123", Tags.Count: 3 })
        {
            throw new InvalidOperationException(
                "System.Text.Json did not read its own bytes back."
            );
        }
    }

    // What the registry answers per record once the serdes are warm: a real registry answers
    // over HTTP, so a call per record would be the peer's cost, not the stub's.
    private void PrintRegistryCalls()
    {
        const int records = 100;
        foreach (
            var (name, run) in new (string, Action)[]
            {
                ("Confluent AvroSerializer specific", () => ConfluentSerialize()),
                ("Confluent AvroDeserializer specific", () => ConfluentDeserialize()),
            }
        )
        {
            var before = _registry.Calls;
            for (var i = 0; i < records; i++)
            {
                run();
            }
            Console.WriteLine(
                $"// {name}: {(double)(_registry.Calls - before) / records} registry calls per record at steady state"
            );
        }
    }

    private void Same(string implementation, byte[] bytes)
    {
        if (!bytes.AsSpan().SequenceEqual(_avro))
        {
            throw new InvalidOperationException(
                $"{implementation} wrote {Convert.ToHexString(bytes)}, the generated codec {Convert.ToHexString(_avro)}: the benchmark would compare different work."
            );
        }
    }

    private static byte[] Framed(byte[] framed) =>
        framed[0] == 0
            ? framed[FrameHeader..]
            : throw new InvalidOperationException("A framed record starts with the magic byte 0.");

    private byte[] Specific(ApacheBenchOrder order)
    {
        var stream = new MemoryStream();
        _specificWriter.Write(order, new BinaryEncoder(stream));
        return stream.ToArray();
    }

    private byte[] Generic(GenericRecord record)
    {
        var stream = new MemoryStream();
        _genericWriter.Write(record, new BinaryEncoder(stream));
        return stream.ToArray();
    }

    private static byte[] Generated(BenchOrder order)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        var writer = new KConnector.Avro.AvroWriter(buffer);
        BenchOrder.Encode(ref writer, order);
        return buffer.WrittenSpan.ToArray();
    }
}
