using System.Collections.Concurrent;
using KConnector.Hosting;
using Microsoft.Extensions.Logging;

namespace KConnector.Distributed;

/// <summary>
/// A distributed worker's active topics (KIP-558), kept in the status topic as Kafka Connect keeps
/// them: a task's first record to or from a topic writes <c>status-topic-TOPIC:connector-NAME</c>
/// unless the topic already holds it (Connect's <c>WorkerTask.recordActiveTopic</c>), so every worker
/// answers the union of the topics all the connector's tasks used, whichever worker runs them.
/// A reset writes a tombstone per topic; the topics the tasks use afterwards are written again.
/// </summary>
internal sealed partial class StatusTopicActiveTopics : IActiveTopicStore
{
    private static readonly TimeSpan WriteBound = TimeSpan.FromSeconds(60);
    private readonly KafkaStatusBackingStore _store;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    // Written but not read back yet: the records in between do not write it again.
    private readonly ConcurrentDictionary<(string Connector, string Topic), byte> _pending = new();

    public StatusTopicActiveTopics(
        KafkaStatusBackingStore store,
        ILogger logger,
        TimeProvider? time = null
    )
    {
        _store = store;
        _logger = logger;
        _time = time ?? TimeProvider.System;
        _store.TopicRead += (connector, topic) => _pending.TryRemove((connector, topic), out _);
    }

    /// <inheritdoc/>
    public Action<string> RecorderFor(string connector, int task) =>
        topic =>
        {
            if (
                _store.GetTopic(connector, topic) is not null
                || !_pending.TryAdd((connector, topic), 0)
            )
            {
                return;
            }
            var status = new TopicStatus(
                topic,
                connector,
                task,
                _time.GetUtcNow().ToUnixTimeMilliseconds()
            );
            _ = WriteAsync(
                token => _store.PutTopicAsync(status, token),
                connector,
                topic,
                forget: true
            );
        };

    /// <inheritdoc/>
    public IReadOnlyList<string> Get(string connector) =>
        [.. _store.TopicsOf(connector).Select(t => t.Topic)];

    /// <summary>
    /// Writes a tombstone for each of the connector's topics, as Connect's
    /// <c>resetConnectorActiveTopics</c>; the REST answer (202 Accepted) does not wait for them.
    /// </summary>
    public void Reset(string connector)
    {
        foreach (var status in _store.TopicsOf(connector))
        {
            _ = WriteAsync(
                token => _store.DeleteTopicAsync(connector, status.Topic, token),
                connector,
                status.Topic,
                forget: false
            );
        }
    }

    // A distributed worker stops a connector's tasks here when another worker takes them or the
    // config changes: its topics stay. Only a deleted connector's are reset (DistributedWorker.Topics.cs).
    public void Remove(string connector) { }

    // Called on a producer's delivery thread or a consumer's loop: a write the status topic refuses
    // is logged, never thrown at the record; a failed first write is tried again by the next record.
    private async Task WriteAsync(
        Func<CancellationToken, Task> write,
        string connector,
        string topic,
        bool forget
    )
    {
        using var bound = new CancellationTokenSource(WriteBound);
        try
        {
            await write(bound.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            if (forget)
            {
                _pending.TryRemove((connector, topic), out _);
            }
            LogNotWritten(_logger, connector, topic, _store.Topic, e.Message);
        }
    }

    [LoggerMessage(
        Level = LogLevel.Warning,
        Message = "The active topic {Topic} of connector {Connector} could not be written to the status topic {StatusTopic}: {Reason}"
    )]
    private static partial void LogNotWritten(
        ILogger logger,
        string connector,
        string topic,
        string statusTopic,
        string reason
    );
}
