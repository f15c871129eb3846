using System.Globalization;
using System.Text.Json.Nodes;
using Confluent.Kafka;

namespace KConnector.Testing.SpecRecords;

/// <summary>
/// What payments-metadata-sink (ReplaceField$Value keeping the id, InsertField$Value's
/// partition.field, offset.field and timestamp.field) writes on the roads without its generated
/// types (CompiledRecordMetadataPipelineTests checks the generated worker's): a line per payment.
/// </summary>
public static class LocatedPayments
{
    /// <summary>The ids of <paramref name="count"/> payments: p-0, p-1, ...</summary>
    public static string[] Ids(int count) =>
        [
            .. Enumerable
                .Range(0, count)
                .Select(i => "p-" + i.ToString(CultureInfo.InvariantCulture)),
        ];

    /// <summary>
    /// The <paramref name="file"/> holds a line per payment of <paramref name="produced"/>
    /// (<see cref="RegisteredPayments.ProduceAsync"/>), each its id and the partition, offset and
    /// timestamp of the record it was consumed as, as Kafka Connect's InsertField takes them from
    /// the SinkRecord.
    /// </summary>
    public static void AssertEachLineLocatesItsRecord(
        IReadOnlyList<DeliveryResult<Null, byte[]>> produced,
        string file
    )
    {
        var lines = File.ReadAllLines(file).Select(l => JsonNode.Parse(l)!).ToList();
        Assert.Equal(
            Ids(produced.Count).Order(),
            lines.Select(l => l["id"]!.GetValue<string>()).Order()
        );
        foreach (var line in lines)
        {
            var i = int.Parse(line["id"]!.GetValue<string>()[2..], CultureInfo.InvariantCulture);
            Assert.Equal(
                ["id", "kafka_partition", "kafka_offset", "kafka_ts"],
                line.AsObject().Select(p => p.Key)
            );
            Assert.Equal(
                (
                    produced[i].Partition.Value,
                    produced[i].Offset.Value,
                    RegisteredTopic.TimestampMs(i)
                ),
                (
                    line["kafka_partition"]!.GetValue<int>(),
                    line["kafka_offset"]!.GetValue<long>(),
                    line["kafka_ts"]!.GetValue<long>()
                )
            );
        }
    }
}
