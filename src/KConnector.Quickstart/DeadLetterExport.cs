using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Confluent.Kafka;

namespace KConnector.Quickstart;

/// <summary>
/// Copies the dead-letter queue out of the embedded Kafka before it disappears with the process:
/// every record, in offset order, as one JSON line <c>{"value": "...", "headers": {...}}</c>.
/// </summary>
public static class DeadLetterExport
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    /// <summary>Reads <paramref name="topic"/> (partition 0) to its end and writes it to <paramref name="path"/>.</summary>
    public static IReadOnlyList<DeadLetter> Write(
        string bootstrapServers,
        string topic,
        string path
    )
    {
        var letters = Read(bootstrapServers, topic);
        using var file = File.Create(path);
        var options = new JsonWriterOptions
        {
            // A file for people to read: keep quotes and non-ASCII text as they are.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        foreach (var letter in letters)
        {
            using (var json = new Utf8JsonWriter(file, options))
            {
                json.WriteStartObject();
                json.WriteString("value", letter.Value);
                json.WriteStartObject("headers");
                foreach (var (name, value) in letter.Headers)
                {
                    json.WriteString(name, value);
                }
                json.WriteEndObject();
                json.WriteEndObject();
            }
            file.WriteByte((byte)'\n');
        }
        return letters;
    }

    private static List<DeadLetter> Read(string bootstrapServers, string topic)
    {
        using var consumer = new ConsumerBuilder<Ignore, byte[]?>(
            new ConsumerConfig
            {
                BootstrapServers = bootstrapServers,
                GroupId = "quickstart-dlq-export",
                EnableAutoCommit = false,
            }
        ).Build();
        var partition = new TopicPartition(topic, 0);
        var end = consumer.QueryWatermarkOffsets(partition, Timeout).High.Value;
        var letters = new List<DeadLetter>();
        if (end == 0)
        {
            return letters;
        }
        consumer.Assign(new TopicPartitionOffset(partition, Offset.Beginning));
        var deadline = DateTime.UtcNow + Timeout;
        while (letters.Count < end && DateTime.UtcNow < deadline)
        {
            var result = consumer.Consume(TimeSpan.FromMilliseconds(200));
            if (result is null || result.IsPartitionEOF)
            {
                continue;
            }
            letters.Add(
                new DeadLetter(
                    result.Offset.Value,
                    Encoding.UTF8.GetString(result.Message.Value ?? []),
                    result
                        .Message.Headers.Select(h =>
                            KeyValuePair.Create(h.Key, Encoding.UTF8.GetString(h.GetValueBytes()))
                        )
                        .ToList()
                )
            );
            if (result.Offset.Value + 1 >= end)
            {
                break;
            }
        }
        return letters;
    }
}
