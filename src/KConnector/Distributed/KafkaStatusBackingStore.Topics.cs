using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace KConnector.Distributed;

// Kafka Connect's active topics in the status topic (KIP-558): one record per connector and topic,
// keyed status-topic-TOPIC:connector-NAME (a topic name holds no ':', so the first one ends it); a
// tombstone forgets it. Written and read as Connect's KafkaStatusBackingStore does, so either reads
// what the other wrote.
public sealed partial class KafkaStatusBackingStore
{
    private const string TopicPrefix = "status-topic-";
    private const string TopicSeparator = ":connector-";

    // Read by every record's task (GetTopic), written by the reading thread: lock-free reads.
    private readonly ConcurrentDictionary<
        string,
        ConcurrentDictionary<string, TopicStatus>
    > _topics = new(StringComparer.Ordinal);

    /// <summary>Waits until everything written to the status topic before the call has been read.</summary>
    public Task ReadToEndAsync(CancellationToken cancellationToken) =>
        _log.ReadToEndAsync(cancellationToken);

    /// <summary>The status topic's name.</summary>
    internal string Topic => _log.Topic;

    /// <summary>Raised (on the reading thread) with each topic record read: the connector and the topic.</summary>
    internal event Action<string, string>? TopicRead;

    /// <summary>Connect's key of the record saying that <paramref name="connector"/> used <paramref name="topic"/>.</summary>
    public static string TopicKeyOf(string connector, string topic)
    {
        ArgumentException.ThrowIfNullOrEmpty(connector);
        ArgumentException.ThrowIfNullOrEmpty(topic);
        return TopicPrefix + topic + TopicSeparator + connector;
    }

    /// <summary>The topics the connector's tasks used, as last read, sorted by topic.</summary>
    public IReadOnlyList<TopicStatus> TopicsOf(string connector) =>
        _topics.TryGetValue(connector, out var topics)
            ? [.. topics.Values.OrderBy(t => t.Topic, StringComparer.Ordinal)]
            : [];

    /// <summary>The record of <paramref name="connector"/>'s use of <paramref name="topic"/>, or null.</summary>
    public TopicStatus? GetTopic(string connector, string topic) =>
        _topics.TryGetValue(connector, out var topics) ? topics.GetValueOrDefault(topic) : null;

    /// <summary>Writes that a task used a topic; durable when it completes.</summary>
    public Task PutTopicAsync(TopicStatus status, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(status);
        var value = new JsonObject
        {
            ["topic"] = new JsonObject
            {
                ["name"] = status.Topic,
                ["connector"] = status.Connector,
                ["task"] = status.Task,
                ["discoverTimestamp"] = status.DiscoverTimestamp,
            },
        };
        return _log.SendAsync(
            TopicKeyOf(status.Connector, status.Topic),
            value.ToJsonString(),
            cancellationToken
        );
    }

    /// <summary>Writes the tombstone that forgets <paramref name="connector"/>'s use of <paramref name="topic"/>.</summary>
    public Task DeleteTopicAsync(
        string connector,
        string topic,
        CancellationToken cancellationToken
    ) => _log.SendAsync(TopicKeyOf(connector, topic), null, cancellationToken);

    private void ApplyTopic(string key, string? value)
    {
        if (ParseTopicKey(key) is not var (topic, connector))
        {
            return; // Not a record of Connect's this worker knows: ignored, as Connect does.
        }
        if (value is null)
        {
            if (_topics.TryGetValue(connector, out var known))
            {
                known.TryRemove(topic, out _);
            }
        }
        else if (ParseTopicValue(value) is { } status)
        {
            _topics.GetOrAdd(connector, _ => new(StringComparer.Ordinal))[topic] = status;
        }
        TopicRead?.Invoke(connector, topic);
    }

    private static (string Topic, string Connector)? ParseTopicKey(string key)
    {
        if (!key.StartsWith(TopicPrefix, StringComparison.Ordinal))
        {
            return null;
        }
        var colon = key.IndexOf(':', TopicPrefix.Length);
        if (
            colon <= TopicPrefix.Length
            || string.CompareOrdinal(key, colon, TopicSeparator, 0, TopicSeparator.Length) != 0
            || key.Length == colon + TopicSeparator.Length
        )
        {
            return null;
        }
        return (key[TopicPrefix.Length..colon], key[(colon + TopicSeparator.Length)..]);
    }

    // A value this worker cannot read is skipped (Connect logs and skips it too): the topic is
    // recorded again by the next record that uses it.
    private static TopicStatus? ParseTopicValue(string value)
    {
        try
        {
            var topic = JsonNode.Parse(value)?["topic"];
            return topic is null
                ? null
                : new TopicStatus(
                    topic["name"]!.GetValue<string>(),
                    topic["connector"]!.GetValue<string>(),
                    topic["task"]!.GetValue<int>(),
                    topic["discoverTimestamp"]!.GetValue<long>()
                );
        }
        catch (Exception e)
            when (e
                    is JsonException
                        or InvalidOperationException
                        or NullReferenceException
                        or FormatException
            )
        {
            return null;
        }
    }
}
