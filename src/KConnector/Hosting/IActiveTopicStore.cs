namespace KConnector.Hosting;

/// <summary>
/// Where a worker keeps Kafka Connect's active topics (KIP-558): a standalone worker in a file
/// beside its connector configs (<see cref="ActiveTopicStore"/>), a distributed worker in the
/// status topic (<c>status-topic-TOPIC:connector-NAME</c> records), so every worker answers
/// alike.
/// </summary>
internal interface IActiveTopicStore
{
    /// <summary>What a task calls with each record's topic (<c>WorkerOptions.TopicUsed</c>).</summary>
    Action<string> RecorderFor(string connector, int task);

    /// <summary>The connector's active topics, sorted.</summary>
    IReadOnlyList<string> Get(string connector);

    /// <summary>Empties the connector's set: the topics its tasks use from now on fill it again.</summary>
    void Reset(string connector);

    /// <summary>The worker no longer runs the connector here (deleted, or stopped on this worker).</summary>
    void Remove(string connector);
}
