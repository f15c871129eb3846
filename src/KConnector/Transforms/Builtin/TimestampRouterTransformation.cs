using System.Globalization;
using KConnector.Converters;

namespace KConnector.Transforms.Builtin;

/// <summary>
/// Kafka Connect's <c>TimestampRouter</c>: <c>${topic}</c> and <c>${timestamp}</c> in the topic
/// format replaced by the topic and the record's timestamp in UTC. A record without a timestamp
/// fails, as in Kafka Connect ("Timestamp missing on record").
/// </summary>
internal sealed class TimestampRouterTransformation(string topicFormat, string timestampFormat)
    : ITransformation
{
    public ConnectRecord<TKey, TValue>? Apply<TKey, TValue>(ConnectRecord<TKey, TValue> record)
    {
        if (record.Timestamp is not { } timestamp)
        {
            throw new DataException($"Timestamp missing on record: {record.Topic}");
        }
        var formatted = timestamp.UtcDateTime.ToString(
            timestampFormat,
            CultureInfo.InvariantCulture
        );
        var topic = topicFormat
            .Replace("${topic}", record.Topic, StringComparison.Ordinal)
            .Replace("${timestamp}", formatted, StringComparison.Ordinal);
        return record with { Topic = topic };
    }
}
